namespace Queue.LoadTests.Baselines;

/// <summary>What the bare hub pushes: the id of a broadcast, nothing else.</summary>
public interface IBroadcastClient
{
    Task Tick(long id);
}

namespace Queue.Engine.TimeSeries;

/// <summary>The halls whose journals the relay follows.</summary>
public interface IHallListing
{
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);
}

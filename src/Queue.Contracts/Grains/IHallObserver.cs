using Queue.Contracts.Events;

namespace Queue.Contracts.Grains;

/// <summary>A web node watching a hall: it receives the hall's events in sequence order, in batches, and word of
/// a change the pages show that no event carries.</summary>
[Alias("Queue.IHallObserver")]
public interface IHallObserver : IGrainObserver
{
    [Alias("OnEvents"), Orleans.Concurrency.OneWay]
    Task OnEventsAsync(HallEvent[] events);

    /// <summary>What the hall's pages show changed without an event (its predicted waits were simulated again).</summary>
    [Alias("OnFiguresChanged"), Orleans.Concurrency.OneWay]
    Task OnFiguresChangedAsync(string hallId);
}

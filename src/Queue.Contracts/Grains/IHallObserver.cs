using Queue.Contracts.Events;

namespace Queue.Contracts.Grains;

/// <summary>A web node watching a hall: it receives the hall's events in sequence order, in batches.</summary>
[Alias("Queue.IHallObserver")]
public interface IHallObserver : IGrainObserver
{
    [Alias("OnEvents"), Orleans.Concurrency.OneWay]
    Task OnEventsAsync(HallEvent[] events);
}

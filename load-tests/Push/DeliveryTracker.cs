using System.Collections.Concurrent;
using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Push;

/// <summary>Matches pushes received by watchers (by id) to the iteration that triggered them.</summary>
public sealed class DeliveryTracker
{
    private readonly ConcurrentDictionary<long, PendingDelivery> _pending = new();
    private long _late;

    /// <summary>Deliveries that came after their iteration stopped waiting, or for an unknown id.</summary>
    public long Late => Interlocked.Read(ref _late);

    public PendingDelivery Expect(long id, int watchers, ScenarioContext context, string step)
    {
        var pending = new PendingDelivery(context, watchers, step);
        return _pending.TryAdd(id, pending) ? pending : throw new InvalidOperationException($"Push {id} is already awaited.");
    }

    public void Delivered(long id)
    {
        if (!_pending.TryGetValue(id, out var pending) || !pending.Arrived())
        {
            Interlocked.Increment(ref _late);
        }
    }

    public void Forget(long id) => _pending.TryRemove(id, out _);
}

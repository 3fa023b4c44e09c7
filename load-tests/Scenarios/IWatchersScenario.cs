using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Scenarios;

/// <summary>
/// EXTENSION POINT for the "watchers" scenario (boards and phones over SignalR), not implemented: the product has
/// no hub yet. When it has one, implement this and set <see cref="ProductScenarios.Watchers"/>. The pieces exist:
/// <see cref="Push.WatcherPool"/> opens N connections and joins them (a hall board group, a ticket), and
/// <see cref="Push.DeliveryTracker"/> times each push from the intended start of the iteration that caused it —
/// here, a window's call-next, so "call → phone" is measured the way <see cref="Baselines.BareHubFanout"/>
/// measures the bare hub, at the same watcher count, for the p99 and memory ratios.
/// </summary>
public interface IWatchersScenario
{
    /// <summary>A scenario whose iterations call a ticket at a window and wait for its pushes to every watcher.</summary>
    Scenario Create(ProductTarget target, int watchers, params LoadSimulation[] load);

    /// <summary>The product's memory growth per watcher (managed heap, working set), measured while connecting.</summary>
    (double ManagedBytes, double WorkingSetBytes)? MemoryPerWatcher { get; }
}

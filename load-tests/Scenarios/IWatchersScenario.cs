using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Scenarios;

/// <summary>
/// The "watchers" scenario (boards and phones over the product's SignalR hub): <see cref="Push.WatcherPool"/> opens
/// the connections and joins them, and each iteration — a window's call-next — is followed by its pushes, timed from
/// the call's intended start the way <see cref="Baselines.BareHubFanout"/> times the bare hub's, at the same watcher
/// count, for the p99 and memory ratios. Implemented by <see cref="WatchersScenario"/>.
/// </summary>
public interface IWatchersScenario
{
    /// <summary>A scenario whose iterations call a ticket at a window and wait for its pushes to every watcher.</summary>
    Scenario Create(string name, ProductTarget target, int watchers, params LoadSimulation[] load);

    /// <summary>The product's memory growth per watcher (managed heap, working set), measured while connecting.</summary>
    (double ManagedBytes, double WorkingSetBytes)? MemoryPerWatcher { get; }
}

using Orleans.Concurrency;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Snapshots;

namespace Queue.Contracts.Grains;

/// <summary>
/// A hall (key: hall id): its configuration, its business day, the roster of its windows, the hall snapshot
/// for boards and the hall's event journal.
/// </summary>
[Alias("Queue.IHallGrain")]
public interface IHallGrain : IGrainWithStringKey
{
    /// <summary>The configuration, or null when this hall has never been configured.</summary>
    [Alias("GetConfig"), AlwaysInterleave]
    Task<HallConfig?> GetConfigAsync();

    /// <summary>Create or replace the configuration (validated); windows take their new default profiles.</summary>
    [Alias("Configure")]
    Task<HallConfig> ConfigureAsync(HallConfig config);

    /// <summary>
    /// Save the configuration as <see cref="ConfigEdit.ActorId"/> (journaled with a zh/en summary of what changed),
    /// refused (409) when <see cref="ConfigEdit.ExpectedVersion"/> is given and is not the version in force.
    /// </summary>
    [Alias("ConfigureEdit")]
    Task<VersionedConfig> ConfigureAsync(HallConfig config, ConfigEdit edit);

    /// <summary>The configuration with its version (the ETag of GET /api/halls/{hallId}).</summary>
    [Alias("GetVersionedConfig"), AlwaysInterleave]
    Task<VersionedConfig> GetVersionedConfigAsync();

    [Alias("GetSnapshot")]
    Task<HallSnapshot> GetSnapshotAsync();

    /// <summary>
    /// What the asking theme needs to predict its waits (<c>WaitPrediction.Predict</c>): its serving capacity (the asking
    /// theme reports its current load, the other themes' loads are the last they reported) and the hall's latest forward
    /// forecast for it (made on the hall's timer, never on this call).
    /// </summary>
    [Alias("GetWaitOutlook"), AlwaysInterleave]
    Task<WaitOutlook> GetWaitOutlookAsync(ThemeLoad asking);

    /// <summary>A window reports its new state (one-way: the roster is a cache rebuilt from the windows on activation).</summary>
    [Alias("WindowChanged"), OneWay]
    Task WindowChangedAsync(WindowSnapshot window);

    /// <summary>Events with a sequence greater than <paramref name="afterSequence"/>, oldest first.</summary>
    [Alias("GetEvents"), AlwaysInterleave]
    Task<IReadOnlyList<HallEvent>> GetEventsAsync(long afterSequence, int max);

    /// <summary>Close the business day: every ticket still active in every theme expires.</summary>
    [Alias("CloseDay")]
    Task<int> CloseDayAsync();

    /// <summary>A web node starts (or renews) watching this hall. Subscriptions expire unless renewed within a few minutes.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IHallObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IHallObserver observer);

    /// <summary>
    /// A grain committed these events (with their sequences, in order): the watchers get them straight when they follow
    /// what was delivered; past a gap the journal fills it. One-way: the writer never waits for the fan-out, and a lost
    /// notification is covered by the journal (the next one's gap, or the safety-net timer).
    /// </summary>
    [Alias("EventsCommittedBatch"), OneWay]
    Task EventsCommittedAsync(HallEvent[] events);

    /// <summary>The SLA alerts in force now (the guardian re-evaluates every few seconds).</summary>
    [Alias("GetAlerts"), AlwaysInterleave]
    Task<IReadOnlyList<SlaAlert>> GetAlertsAsync();

    /// <summary>Close the day if the hall keeps opening hours, it is past closing time, and today is not closed yet.</summary>
    [Alias("CloseDayIfDue")]
    Task<int> CloseDayIfDueAsync();
}

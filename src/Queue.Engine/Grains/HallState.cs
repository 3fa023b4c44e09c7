using Queue.Contracts.Config;
using Queue.Contracts.Snapshots;

namespace Queue.Engine.Grains;

[GenerateSerializer]
public sealed class HallState : EventSourcedState
{
    [Id(0)] public HallConfig? Config { get; set; }

    [Id(1)] public DateOnly LastClosedDay { get; set; }

    /// <summary>The SLA guardian's alerts in force, by theme.</summary>
    [Id(2)] public Dictionary<string, SlaAlert> Alerts { get; set; } = [];

    /// <summary>The configuration's version: +1 at each save (the ETag the configuration page edits against).</summary>
    [Id(3)] public int ConfigVersion { get; set; }
}

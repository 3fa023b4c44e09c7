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

    /// <summary>The business day each zone last closed on its own (its tickets expired at its last closing; <see cref="Queue.Domain.DayClose.ZonesDue"/>).</summary>
    [Id(3)] public Dictionary<string, DateOnly> ZonesClosed { get; set; } = [];
}

using Queue.Contracts;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain;
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

    /// <summary>The configuration's version: +1 at each save (the ETag the configuration page edits against).</summary>
    [Id(4)] public int ConfigVersion { get; set; }

    /// <summary>
    /// Takes a validated configuration over the version the editor read (409 <c>config-version</c> when another save came
    /// in between; no expected version: unconditional), counts the version up and journals who changed what.
    /// </summary>
    public void Configure(HallConfig validated, ConfigEdit edit, string hallId, DateTimeOffset now)
    {
        if (edit.ExpectedVersion is { } expected && expected != ConfigVersion)
        {
            throw Refusals.ConfigVersionConflict(ConfigVersion, expected);
        }

        var summary = ConfigChanges.Summarize(Config, validated);
        Config = validated;
        ConfigVersion++;
        PendingEvents.Add(new HallEvent(hallId, 0, now, HallEventKind.HallConfigured,
            ActorId: edit.ActorId, Summary: summary, ConfigVersion: ConfigVersion));
    }
}

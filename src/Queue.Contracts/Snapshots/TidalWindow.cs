using System.Collections.Immutable;

namespace Queue.Contracts.Snapshots;

/// <summary>A tidal window's day in the plan: its theme per interval (null on standby) and how often it switches.</summary>
[GenerateSerializer, Immutable]
public sealed record TidalWindow(
    [property: Id(0)] int WindowNo,
    [property: Id(1)] ImmutableArray<string?> Themes,
    [property: Id(2)] int Switches);

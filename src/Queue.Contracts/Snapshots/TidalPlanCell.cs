namespace Queue.Contracts.Snapshots;

/// <summary>One cell of a custom tidal plan (the what-if's edited grid): tidal window <see cref="WindowNo"/> takes <see cref="Theme"/> first in half hour <see cref="Interval"/> (from 00:00).</summary>
[GenerateSerializer, Immutable]
public sealed record TidalPlanCell(
    [property: Id(0)] int WindowNo,
    [property: Id(1)] int Interval,
    [property: Id(2)] string Theme);

using System.Collections.Immutable;

namespace Queue.Contracts.Snapshots;

/// <summary>The hall as a board sees it: every line and every window, at hall event sequence <see cref="Sequence"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record HallSnapshot(
    [property: Id(0)] string HallId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly BusinessDay,
    [property: Id(3)] long Sequence,
    [property: Id(4)] ImmutableArray<ThemeQueueSnapshot> Themes,
    [property: Id(5)] ImmutableArray<WindowSnapshot> Windows,
    [property: Id(6)] DateTimeOffset At);

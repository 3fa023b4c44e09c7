namespace Queue.Domain.Analytics;

/// <summary>A tidal (潮汐) window the planner may move between the themes it is able to serve.</summary>
[GenerateSerializer, Immutable]
public sealed record FlexibleWindow(
    [property: Id(0)] int WindowNo,
    [property: Id(1)] IReadOnlyList<string> Themes);

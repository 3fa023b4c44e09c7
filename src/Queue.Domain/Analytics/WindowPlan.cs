namespace Queue.Domain.Analytics;

/// <summary>
/// A flexible window's day: <see cref="Themes"/>[i] is its theme in the plan's i-th interval, or null when no theme
/// needs it (待命: it may help any of its themes). <see cref="Switches"/> counts the times it takes up a theme other than
/// the last one it served.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WindowPlan(
    [property: Id(0)] int WindowNo,
    [property: Id(1)] IReadOnlyList<string?> Themes,
    [property: Id(2)] int Switches);

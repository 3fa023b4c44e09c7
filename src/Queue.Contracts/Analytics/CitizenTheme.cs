namespace Queue.Contracts.Analytics;

/// <summary>How many of a citizen's visits of the year were for a theme (the theme issued).</summary>
[GenerateSerializer, Immutable]
public sealed record CitizenTheme(
    [property: Id(0)] string Code,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? NameEn,
    [property: Id(3)] int Visits);

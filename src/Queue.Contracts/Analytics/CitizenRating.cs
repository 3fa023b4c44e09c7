namespace Queue.Contracts.Analytics;

/// <summary>A rating the citizen gave: when (the hall's date), for which theme, and the level (1–5).</summary>
[GenerateSerializer, Immutable]
public sealed record CitizenRating(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string ThemeCode,
    [property: Id(2)] int Level);

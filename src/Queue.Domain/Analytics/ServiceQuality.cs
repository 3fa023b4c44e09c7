namespace Queue.Domain.Analytics;

/// <summary>
/// Outcomes (办结 / 没办成) and ratings (好差评) of a theme at a window over a range. Shares are 0 when there is nothing to
/// divide by.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ServiceQuality(
    [property: Id(0)] string Theme,
    [property: Id(1)] int WindowNo,
    [property: Id(2)] long Completed,
    [property: Id(3)] long Done,
    [property: Id(4)] long NotDone,
    [property: Id(5)] long Rated,
    [property: Id(6)] double AverageRating,
    [property: Id(7)] double SatisfiedShare);

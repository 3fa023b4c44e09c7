namespace Queue.Contracts.Analytics;

/// <summary>
/// Outcomes (办结 / 没办成) and ratings (好差评) of a theme (<see cref="WindowNo"/> 0) or of a window (<see cref="Theme"/>
/// empty). <see cref="AverageServiceSeconds"/> is over the completed services.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QualityRow(
    [property: Id(0)] string Theme,
    [property: Id(1)] int WindowNo,
    [property: Id(2)] long Completed,
    [property: Id(3)] long Done,
    [property: Id(4)] long NotDone,
    [property: Id(5)] long Rated,
    [property: Id(6)] double AverageRating,
    [property: Id(7)] double SatisfiedShare,
    [property: Id(8)] double AverageServiceSeconds);

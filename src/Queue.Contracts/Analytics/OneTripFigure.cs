namespace Queue.Contracts.Analytics;

/// <summary>
/// The visits of a day (yyyy-MM-dd), a month (yyyy-MM), a theme (its code) or the whole period (empty key): all of them,
/// those without a citizen key (<see cref="Unknown"/>: never counted as one trip), and of the known ones those that were a
/// second trip (<see cref="Repeat"/>) or not (<see cref="OneTrip"/>). <see cref="Rate"/> = OneTrip ÷ (OneTrip + Repeat),
/// null when no visit is known.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OneTripFigure(
    [property: Id(0)] string Key,
    [property: Id(1)] int Visits,
    [property: Id(2)] int OneTrip,
    [property: Id(3)] int Repeat,
    [property: Id(4)] int Unknown,
    [property: Id(5)] double? Rate);

namespace Queue.Domain.Analytics;

/// <summary>
/// How a forecast looks back: the same weekday in each of the last <see cref="Weeks"/> weeks, the week k weeks back
/// weighted <see cref="Decay"/>^(k−1) (so last week counts 1, the week before 0.7, …). A handle time needs at least
/// <see cref="MinServiceSamples"/> samples in an interval before it replaces the theme-wide figure.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ForecastOptions(
    [property: Id(0)] int Weeks = 8,
    [property: Id(1)] double Decay = 0.7,
    [property: Id(2)] int MinServiceSamples = 5)
{
    public static ForecastOptions Default { get; } = new();
}

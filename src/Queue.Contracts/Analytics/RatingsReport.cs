using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>
/// The ratings of a range of days (inclusive, the hall's zone) from the hall's journal: counts, satisfaction by wait band
/// (ratings whose wait is unknown count in <see cref="UnknownWait"/> only), and the ratings themselves, newest first (only
/// the 差评, levels 1–2, when <see cref="OnlyUnsatisfied"/>), at most <see cref="Listed"/> of <see cref="Matching"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RatingsReport(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] int Rated,
    [property: Id(4)] int Satisfied,
    [property: Id(5)] int Unsatisfied,
    [property: Id(6)] int UnknownWait,
    [property: Id(7)] ImmutableArray<WaitBand> Bands,
    [property: Id(8)] bool OnlyUnsatisfied,
    [property: Id(9)] int Matching,
    [property: Id(10)] int Listed,
    [property: Id(11)] ImmutableArray<RatingEntry> Ratings);

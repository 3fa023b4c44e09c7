using System.Collections.Immutable;

namespace Queue.Contracts.Snapshots;

/// <summary>
/// Tidal-window (潮汐窗口) advice for one hall and day: per theme and 30-minute interval the windows required (Erlang C
/// on the forecast demand) against those scheduled, and each tidal window's theme per interval. A manager applies it;
/// the hall then switches the windows at the interval boundaries. <see cref="Check"/>: the same advice checked by simulating
/// the hall with its pooling windows (null until checked). <see cref="Shortfall"/> stays Erlang C's (each theme alone);
/// the check's shortfall is the one that counts pooling.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TidalAdvice(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] ImmutableArray<int> Intervals,
    [property: Id(3)] ImmutableArray<TidalCoverage> Coverage,
    [property: Id(4)] ImmutableArray<TidalWindow> Windows,
    [property: Id(5)] int Shortfall,
    [property: Id(6)] int Switches,
    [property: Id(7)] int WeeksOfHistory,
    [property: Id(8)] DateTimeOffset ComputedAt,
    [property: Id(9)] DateTimeOffset? AppliedAt,
    [property: Id(10)] StaffingCheck? Check = null)
{
    /// <summary>Why the plan is empty (a closed day by the hall calendar), in Chinese; null when it plans open hours.</summary>
    [Id(11)] public string? NoteZh { get; init; }

    /// <summary>The same note in English.</summary>
    [Id(12)] public string? NoteEn { get; init; }

    /// <summary>The theme a tidal window serves in the interval (null: on standby, its usual profile).</summary>
    public string? ThemeOf(int windowNo, int interval)
    {
        var index = Intervals.IndexOf(interval);
        var window = Windows.FirstOrDefault(w => w.WindowNo == windowNo);
        return index < 0 || window is null ? null : window.Themes[index];
    }
}

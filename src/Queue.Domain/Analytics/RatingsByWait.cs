using System.Collections.Immutable;
using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Domain.Analytics;

/// <summary>
/// The 好差评 figures of a range: a rating of 4 or 5 (满意, 非常满意) is satisfied, 1 or 2 (不满意, 非常不满意) is a 差评;
/// satisfaction per wait band (0–10, 10–20, 20–30, 30–45, 45+ minutes from issue to first call); the list newest first.
/// </summary>
public static class RatingsByWait
{
    public const int SatisfiedFrom = 4;

    public const int UnsatisfiedTo = 2;

    /// <summary>At most this many ratings are listed (the counts cover all of them).</summary>
    public const int MaxListed = 500;

    /// <summary>The bands' lower bounds in minutes; the last is open-ended.</summary>
    public static readonly ImmutableArray<int> BandStarts = [0, 10, 20, 30, 45];

    public static bool IsSatisfied(int level) => level >= SatisfiedFrom;

    public static bool IsUnsatisfied(int level) => level <= UnsatisfiedTo;

    public static RatingsReport Report(
        string hallId, DateOnly from, DateOnly to, IEnumerable<HallEvent> events, HallConfig hall, bool onlyUnsatisfied)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(hall);
        var ratings = events.Where(e => e.Kind == HallEventKind.TicketRated && e.Rating is >= 1 and <= 5).Select(e => Entry(e, hall)).ToList();
        var bands = BandStarts.Select((start, i) =>
        {
            int? end = i + 1 < BandStarts.Length ? BandStarts[i + 1] : null;
            var inBand = ratings.Where(r => r.WaitMinutes is { } w && w >= start && (end is null || w < end)).ToList();
            var satisfied = inBand.Count(r => IsSatisfied(r.Level));
            return new WaitBand(start, end, inBand.Count, satisfied, inBand.Count == 0 ? 0 : Math.Round((double)satisfied / inBand.Count, 4));
        });
        var matching = ratings.Where(r => !onlyUnsatisfied || IsUnsatisfied(r.Level)).OrderByDescending(r => r.At).ToList();
        var listed = matching.Take(MaxListed).ToImmutableArray();
        return new RatingsReport(
            hallId, from, to, ratings.Count, ratings.Count(r => IsSatisfied(r.Level)), ratings.Count(r => IsUnsatisfied(r.Level)),
            ratings.Count(r => r.WaitMinutes is null), [.. bands], onlyUnsatisfied, matching.Count, listed.Length, listed);
    }

    private static RatingEntry Entry(HallEvent e, HallConfig hall)
    {
        var theme = e.ThemeCode is null ? null : hall.FindTheme(e.ThemeCode);
        return new RatingEntry(
            e.At, e.DisplayNumber, e.ThemeCode ?? "", theme?.Name, theme?.NameEn, e.WindowNo, e.StaffId,
            e.WaitSeconds is { } s ? Math.Round(s / 60, 1) : null, e.Rating!.Value, e.Reason, e.CitizenName);
    }
}

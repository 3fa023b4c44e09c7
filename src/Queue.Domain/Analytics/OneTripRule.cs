using System.Collections.Immutable;
using System.Globalization;
using Queue.Contracts.Analytics;
using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Domain.Analytics;

/// <summary>
/// The one-trip rule (最多跑一次): a visit (a ticket, followed through its transfers) is a second trip when the same citizen
/// (the keyed hash of their ID card or phone, <see cref="HallEvent.CitizenKey"/>) had an earlier ticket for the same theme
/// (the theme issued or one it was transferred to) that ended 没办成 or was transferred, issued at most
/// <c>days</c> calendar days before in the hall's zone (day 30 of 30 still counts, day 31 does not). A visit without a citizen
/// key is unknown: it is neither a success nor a failure. So a figure for dates D..E needs the journal from D − days.
/// </summary>
public static class OneTripRule
{
    public const string ByDay = "day";
    public const string ByMonth = "month";
    public const string ByTheme = "theme";

    public static readonly ImmutableArray<string> Groupings = [ByDay, ByMonth, ByTheme];

    /// <summary>One visit as the rule sees it.</summary>
    public sealed record Visit(string TicketId, DateTimeOffset IssuedAt, DateOnly Day, string Theme, string? CitizenKey, bool Failed, ImmutableHashSet<string> Themes);

    public enum Verdict
    {
        Unknown,
        OneTrip,
        Repeat,
    }

    /// <summary>The visits issued in <paramref name="events"/> (events of tickets issued earlier are ignored), in issue order.</summary>
    public static IReadOnlyList<Visit> Visits(IEnumerable<HallEvent> events, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(events);
        var visits = new Dictionary<string, Visit>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.TicketId is not { } id)
            {
                continue;
            }

            if (e.Kind == HallEventKind.TicketIssued && e.ThemeCode is { } theme)
            {
                visits[id] = new Visit(id, e.At, BusinessClock.Day(e.At, zone), theme, string.IsNullOrEmpty(e.CitizenKey) ? null : e.CitizenKey, false, [theme]);
            }
            else if (visits.TryGetValue(id, out var v))
            {
                visits[id] = e.Kind switch
                {
                    HallEventKind.ServiceCompleted when e.Outcome == ServiceOutcome.NotDone => v with { Failed = true },
                    HallEventKind.TicketTransferred => v with { Failed = true, Themes = v.Themes.Add(e.ToThemeCode ?? v.Theme) },
                    _ => v,
                };
            }
        }

        return [.. visits.Values.OrderBy(v => v.IssuedAt)];
    }

    /// <summary>What <paramref name="visit"/> was, given every visit of the <paramref name="days"/> days before it.</summary>
    public static Verdict Judge(Visit visit, IEnumerable<Visit> earlier, int days)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(earlier);
        if (visit.CitizenKey is null)
        {
            return Verdict.Unknown;
        }

        var repeat = earlier.Any(u =>
            u.CitizenKey == visit.CitizenKey && u.TicketId != visit.TicketId && u.IssuedAt < visit.IssuedAt && u.Failed &&
            visit.Day.DayNumber - u.Day.DayNumber <= days && u.Themes.Contains(visit.Theme));
        return repeat ? Verdict.Repeat : Verdict.OneTrip;
    }

    /// <summary>
    /// The report of the visits issued on <paramref name="from"/>..<paramref name="to"/>, judged against every visit in
    /// <paramref name="visits"/> (which must reach back <paramref name="days"/> days before <paramref name="from"/>).
    /// </summary>
    public static OneTripReport Report(string hallId, DateOnly from, DateOnly to, string by, int days, IReadOnlyList<Visit> visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var byCitizen = visits.Where(v => v.CitizenKey is not null).ToLookup(v => v.CitizenKey!, StringComparer.Ordinal);
        var judged = visits.Where(v => v.Day >= from && v.Day <= to)
            .Select(v => (Visit: v, Verdict: Judge(v, v.CitizenKey is null ? [] : byCitizen[v.CitizenKey], days)))
            .ToList();
        var rows = judged
            .GroupBy(j => by switch
            {
                ByMonth => j.Visit.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                ByTheme => j.Visit.Theme,
                _ => j.Visit.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Figure(g.Key, g.Select(j => j.Verdict)));
        return new OneTripReport(hallId, from, to, by, days, Figure("", judged.Select(j => j.Verdict)), [.. rows]);
    }

    public static OneTripFigure Figure(string key, IEnumerable<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var all = verdicts.ToList();
        var one = all.Count(v => v == Verdict.OneTrip);
        var repeat = all.Count(v => v == Verdict.Repeat);
        var known = one + repeat;
        return new OneTripFigure(key, all.Count, one, repeat, all.Count - known, known == 0 ? null : Math.Round((double)one / known, 4));
    }
}

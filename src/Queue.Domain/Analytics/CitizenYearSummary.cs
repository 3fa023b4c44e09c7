using System.Collections.Immutable;
using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Domain.Analytics;

/// <summary>
/// A citizen's year (政务办事分析) from the hall's journal: the visits whose issue carries <c>citizenKey</c>, issued in
/// <c>year</c> (the hall's zone), and nothing of anyone else. The wait of a visit is its first call's (issue to first call);
/// the one-trip verdicts are <see cref="OneTripRule"/>'s, so the journal must reach back the hall's one-trip days before
/// 1 January. Without a key there is nothing to link: an empty answer with <see cref="CitizenYear.Known"/> false.
/// </summary>
public static class CitizenYearSummary
{
    public static CitizenYear Summarize(HallConfig hall, int year, string? citizenKey, IEnumerable<HallEvent> events, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(events);
        if (string.IsNullOrEmpty(citizenKey))
        {
            return new CitizenYear(hall.HallId, year, false, 0, [], 0, null, OneTripRule.Figure("", []), []);
        }

        var all = events.ToList();
        var mine = OneTripRule.Visits(all, zone).Where(v => v.CitizenKey == citizenKey).ToList();
        var visits = mine.Where(v => v.Day.Year == year).ToList();
        var ids = visits.Select(v => v.TicketId).ToHashSet(StringComparer.Ordinal);
        var waits = all.Where(e => e.Kind == HallEventKind.TicketCalled && e.TicketId is { } id && ids.Contains(id) && e.WaitSeconds is not null)
            .GroupBy(e => e.TicketId!).Select(g => g.OrderBy(e => e.Sequence).First().WaitSeconds!.Value / 60).ToList();
        var ratings = all.Where(e => e.Kind == HallEventKind.TicketRated && e.TicketId is { } id && ids.Contains(id) && e.Rating is >= 1 and <= 5)
            .OrderBy(e => e.At).Select(e => new CitizenRating(BusinessClock.Day(e.At, zone), e.ThemeCode ?? "", e.Rating!.Value));
        var themes = visits.GroupBy(v => v.Theme, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CitizenTheme(g.Key, hall.FindTheme(g.Key)?.Name, hall.FindTheme(g.Key)?.NameEn, g.Count()));
        var oneTrip = OneTripRule.Figure("", visits.Select(v => OneTripRule.Judge(v, mine, hall.OneTripDays)));
        var total = Math.Round(waits.Sum(), 1);
        return new CitizenYear(
            hall.HallId, year, true, visits.Count, [.. themes], total, waits.Count == 0 ? null : Math.Round(waits.Average(), 1), oneTrip, [.. ratings]);
    }

    /// <summary>
    /// The events of <paramref name="day"/> that belong to the citizen: their issues, and the later events of those tickets
    /// (whose ids are kept in <paramref name="tickets"/>), so that a year is read without keeping everyone's journal.
    /// </summary>
    public static IEnumerable<HallEvent> Linked(IEnumerable<HallEvent> day, string citizenKey, ISet<string> tickets)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(tickets);
        foreach (var e in day)
        {
            if (e.TicketId is not { } id)
            {
                continue;
            }

            if (e.Kind == HallEventKind.TicketIssued && e.CitizenKey == citizenKey)
            {
                tickets.Add(id);
            }

            if (tickets.Contains(id))
            {
                yield return e;
            }
        }
    }
}

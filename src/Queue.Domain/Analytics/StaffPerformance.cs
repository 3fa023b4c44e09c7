using System.Collections.Immutable;
using System.Globalization;
using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Domain.Analytics;

/// <summary>
/// Staff performance (统一绩效考核) from the hall's journal, day by day. Who served: the staff id the completion names,
/// else the one signed in at the window (from WindowOpened); a transfer and a pause go to the one signed in at the window; a
/// rating to the staff it carries (the one who completed the service). A pause lasts from WindowPaused to WindowResumed or
/// WindowClosed (or the end of the day); open and idle-while-waiting time are <see cref="WindowActivity"/>'s, per person.
/// </summary>
public static class StaffPerformance
{
    /// <summary>One day of the journal and where it ends (the day's end, or now for today).</summary>
    public sealed record Day(IReadOnlyList<HallEvent> Events, DateTimeOffset End);

    public static PerformanceReport Report(string hallId, DateOnly from, DateOnly to, IEnumerable<Day> days, HallConfig config)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(config);
        var people = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var windows = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var themes = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            Replay(day, config, people, windows, themes);
        }

        return new PerformanceReport(hallId, from, to, Rows(people, true), Rows(windows, true), Rows(themes, false));
    }

    private static void Replay(Day day, HallConfig config, Dictionary<string, Tally> people, Dictionary<string, Tally> windows, Dictionary<string, Tally> themes)
    {
        var signedIn = new Dictionary<int, string>();
        var paused = new Dictionary<int, (DateTimeOffset At, string Reason, string Staff)>();
        foreach (var e in day.Events.Where(e => e.At <= day.End))
        {
            var no = e.WindowNo ?? 0;
            var staff = no > 0 ? signedIn.GetValueOrDefault(no, "") : "";
            switch (e.Kind)
            {
                case HallEventKind.WindowOpened:
                    signedIn[no] = e.StaffId ?? "";
                    break;
                case HallEventKind.WindowPaused:
                    paused[no] = (e.At, e.Reason ?? "", string.IsNullOrEmpty(staff) ? e.StaffId ?? "" : staff);
                    break;
                case HallEventKind.WindowResumed or HallEventKind.WindowClosed:
                    EndPause(no, e.At, paused, people, windows);
                    if (e.Kind == HallEventKind.WindowClosed)
                    {
                        signedIn.Remove(no);
                    }

                    break;
                case HallEventKind.ServiceCompleted:
                    var by = string.IsNullOrEmpty(e.StaffId) ? staff : e.StaffId;
                    foreach (var t in Of(people, by, windows, no, themes, e.ThemeCode))
                    {
                        t.Served++;
                        t.HandleSeconds += e.ServiceSeconds ?? 0;
                        t.NotDone += e.Outcome == ServiceOutcome.NotDone ? 1 : 0;
                    }

                    break;
                case HallEventKind.TicketTransferred when no > 0:
                    foreach (var t in Of(people, staff, windows, no, themes, e.ThemeCode))
                    {
                        t.Transfers++;
                    }

                    break;
                case HallEventKind.TicketRated when e.Rating is >= 1 and <= 5:
                    foreach (var t in Of(people, e.StaffId ?? "", windows, no, themes, e.ThemeCode))
                    {
                        t.Ratings++;
                        t.RatingSum += e.Rating.Value;
                    }

                    break;
            }
        }

        foreach (var no in paused.Keys.ToList())
        {
            EndPause(no, day.End, paused, people, windows);
        }

        WindowActivity.Replay(day.Events, (no, theme) => config.FindWindow(no)?.Profile.Serves(theme) == true, day.End, (w, open, idle) =>
        {
            foreach (var t in new[] { Get(people, w.StaffId ?? ""), Get(windows, Window(w.WindowNo)) })
            {
                t.OpenSeconds += open;
                t.IdleSeconds += idle;
            }
        });
    }

    private static void EndPause(int no, DateTimeOffset at, Dictionary<int, (DateTimeOffset At, string Reason, string Staff)> paused, Dictionary<string, Tally> people, Dictionary<string, Tally> windows)
    {
        if (!paused.Remove(no, out var pause))
        {
            return;
        }

        var seconds = Math.Max(0, (at - pause.At).TotalSeconds);
        foreach (var t in new[] { Get(people, pause.Staff), Get(windows, Window(no)) })
        {
            var (count, sum) = t.PausesByReason.GetValueOrDefault(pause.Reason);
            t.PausesByReason[pause.Reason] = (count + 1, sum + seconds);
        }
    }

    private static IEnumerable<Tally> Of(Dictionary<string, Tally> people, string staff, Dictionary<string, Tally> windows, int no, Dictionary<string, Tally> themes, string? theme)
    {
        yield return Get(people, staff);
        if (no > 0)
        {
            yield return Get(windows, Window(no));
        }

        if (!string.IsNullOrEmpty(theme))
        {
            yield return Get(themes, theme);
        }
    }

    private static string Window(int no) => no.ToString(CultureInfo.InvariantCulture);

    private static Tally Get(Dictionary<string, Tally> tallies, string key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies[key] = tally = new Tally();
        }

        return tally;
    }

    private static ImmutableArray<PerformanceRow> Rows(Dictionary<string, Tally> tallies, bool withTimes) =>
    [
        .. tallies
            .OrderBy(t => int.TryParse(t.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => t.Value.Row(t.Key, withTimes)),
    ];

    private sealed class Tally
    {
        public int Served { get; set; }
        public double HandleSeconds { get; set; }
        public int NotDone { get; set; }
        public int Ratings { get; set; }
        public int RatingSum { get; set; }
        public int Transfers { get; set; }
        public double OpenSeconds { get; set; }
        public double IdleSeconds { get; set; }
        public Dictionary<string, (int Count, double Seconds)> PausesByReason { get; } = new(StringComparer.Ordinal);

        public PerformanceRow Row(string key, bool withTimes)
        {
            var pauses = PausesByReason.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new PauseFigure(p.Key, p.Value.Count, Math.Round(p.Value.Seconds))).ToImmutableArray();
            return new PerformanceRow(
                key, Served, Served == 0 ? 0 : Math.Round(HandleSeconds / Served, 1), NotDone, Served == 0 ? 0 : Math.Round((double)NotDone / Served, 4),
                Ratings, Ratings == 0 ? null : Math.Round((double)RatingSum / Ratings, 2), Transfers,
                withTimes ? pauses.Sum(p => p.Count) : null, withTimes ? pauses.Sum(p => p.Seconds) : null, withTimes ? pauses : [],
                withTimes ? Math.Round(OpenSeconds) : null, withTimes ? Math.Round(IdleSeconds) : null);
        }
    }
}

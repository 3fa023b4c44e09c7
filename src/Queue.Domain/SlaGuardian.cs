using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// The live SLA rule of a hall. A theme is in <see cref="SlaSeverity.Breach"/> when its longest waiting ticket has
/// passed the target, and in <see cref="SlaSeverity.Warning"/> when a newcomer's predicted wait or the head of the line's
/// projected wait passes <see cref="WarnShare"/> of the target. Both come from the one estimate (<see cref="WaitPrediction"/>):
/// the newcomer's is the theme snapshot's own figure (the forward forecast's when fresh, else the closed form, as
/// <see cref="WaitPrediction.Predict"/> decided), so the banner never disagrees with the board. The figure that triggers is
/// the central one (the simulated median, p50), not the range's high end: the alert costs staff a move, the 0.9 share is
/// already the margin, and the high end (p90 of 20 runs, rounded outwards to 5 minutes) would make alerts flap; the message
/// shows the whole range, as the board does. Without a fresh forecast (and in the simulator, which runs none inside a day)
/// the range is the closed form's single figure and the rule is the closed form's.
/// The advice: the open window, not already serving the theme, whose current themes have the most slack and keep
/// enough of it without that window; windows in the theme's zone first. The most urgent line is advised first and a
/// window is promised to one line only. With a hall calendar a line whose zone is closed now is not judged, and waits count
/// the zone's open time only (<see cref="TargetClock"/>).
/// </summary>
public static class SlaGuardian
{
    public const double WarnShare = 0.9;
    public const double DonorLimit = 0.6;

    /// <param name="forecasts">The hall's forward forecast per theme (null or absent: the fallback); used for the head of
    /// the line only, since the newcomer's figure is already in each snapshot.</param>
    public static IReadOnlyList<SlaAlert> Evaluate(
        HallConfig hall, IReadOnlyList<ThemeQueueSnapshot> themes, IReadOnlyList<WindowSnapshot> windows, DateTimeOffset now,
        Func<string, ThemeWaitForecast?>? forecasts = null)
    {
        var alerts = new List<SlaAlert>();
        var byCode = themes.ToDictionary(t => t.ThemeCode);
        var loads = WaitPrediction.Loads(themes);
        var promised = new HashSet<int>();
        // A zone closed now (a lunch break, the night, a holiday) is not judged: nobody is served by design, and the waits
        // against the target (TargetClock) stand still until it reopens, so no alert is raised across the closed time.
        var calendar = OpeningCalendar.For(hall);
        var troubled = themes.Where(t => t.Waiting > 0 && IsOpen(hall, calendar, t.ThemeCode, now))
            .Select(t => (Theme: t, Newcomer: WaitPrediction.Newcomer(t), Head: t.LongestWaitMinutes + Ahead(hall, calendar, t.ThemeCode, now, WaitPrediction.HeadRemaining(t, forecasts?.Invoke(t.ThemeCode), now))))
            .Select(x => (x.Theme, x.Newcomer, Level: x.Theme.LongestWaitMinutes >= x.Theme.TargetMinutes ? SlaSeverity.Breach
                : Math.Max(Ahead(hall, calendar, x.Theme.ThemeCode, now, x.Newcomer?.Point ?? double.PositiveInfinity), x.Head) >= x.Theme.TargetMinutes * WarnShare ? SlaSeverity.Warning
                : (SlaSeverity?)null))
            .Where(x => x.Level is not null)
            .OrderByDescending(x => x.Level).ThenByDescending(x => x.Theme.LongestWaitMinutes / x.Theme.TargetMinutes).ThenBy(x => x.Theme.ThemeCode, StringComparer.Ordinal);

        // The most urgent line is advised first, and each window is promised to one line only.
        foreach (var (theme, newcomer, severity) in troubled)
        {
            var level = severity!.Value;
            var (window, from) = Donor(hall, theme, byCode, loads, windows.Where(w => !promised.Contains(w.WindowNo)).ToList());
            if (window is { } promisedWindow)
            {
                promised.Add(promisedWindow);
            }

            var config = hall.FindTheme(theme.ThemeCode)!;
            var shown = newcomer is { } n ? Math.Round(n.Point, 1) : -1;
            var (zh, en) = Message(hall, config, level, theme, newcomer, window, from);
            alerts.Add(new SlaAlert(hall.HallId, theme.ThemeCode, level, shown, theme.LongestWaitMinutes, theme.TargetMinutes, window, from, zh, en, now,
                newcomer?.Low, newcomer?.High));
        }

        return [.. alerts.OrderBy(a => a.ThemeCode, StringComparer.Ordinal)];
    }

    /// <summary>A projected wait from now as the target counts it (<see cref="TargetClock"/>): a coming lunch break it spans is left out.</summary>
    private static double Ahead(HallConfig hall, OpeningCalendar? calendar, string themeCode, DateTimeOffset now, double minutes) =>
        calendar is not { HasCalendar: true } || !double.IsFinite(minutes) || minutes <= 0 || minutes > 7 * 24 * 60
            ? minutes
            : TargetClock.Waited(calendar, hall.FindTheme(themeCode)?.ZoneId, now, now.AddMinutes(minutes)).TotalMinutes;

    private static bool IsOpen(HallConfig hall, OpeningCalendar? calendar, string themeCode, DateTimeOffset now) =>
        calendar is not { HasCalendar: true } || hall.FindTheme(themeCode) is not { } theme || calendar.IsOpen(theme.ZoneId, now);

    private static (int? Window, string? From) Donor(
        HallConfig hall, ThemeQueueSnapshot needy, Dictionary<string, ThemeQueueSnapshot> themes, IReadOnlyList<ThemeLoad> loads, IReadOnlyList<WindowSnapshot> windows)
    {
        var zone = hall.FindTheme(needy.ThemeCode)?.ZoneId;
        var best = windows
            .Where(w => w.IsOpen && w.Profile.Kind != WindowProfileKind.Comprehensive && !w.Profile.Serves(needy.ThemeCode))
            .Select(w => (Window: w, Served: w.Profile.Themes.Where(themes.ContainsKey).ToList()))
            .Where(x => x.Served.Count > 0)
            .Select(x => (x.Window, Main: x.Served[0], Slack: x.Served.Max(code => Load(themes[code], WaitPrediction.Share(x.Window, code, loads)))))
            .Where(x => x.Slack <= DonorLimit)
            .OrderBy(x => x.Window.ZoneId == zone ? 0 : 1)
            .ThenBy(x => x.Slack)
            .ThenBy(x => x.Window.WindowNo)
            .FirstOrDefault();
        return best.Window is null ? (null, null) : (best.Window.WindowNo, best.Main);
    }

    /// <summary>
    /// A donor theme's predicted wait ÷ target once it loses this window's share of capacity: its newcomer's predicted wait
    /// (the one estimate) scaled by its capacity before ÷ after (exactly the closed form's what-if when there is no forecast).
    /// </summary>
    private static double Load(ThemeQueueSnapshot theme, double share)
    {
        if (theme.Waiting == 0)
        {
            return 0;
        }

        var left = theme.ServingWindows - share;
        return WaitPrediction.Newcomer(theme) is { } now && left > 0
            ? now.Point * theme.ServingWindows / left / theme.TargetMinutes
            : double.PositiveInfinity;
    }

    private static (string Zh, string En) Message(HallConfig hall, ThemeConfig theme, SlaSeverity level, ThemeQueueSnapshot stats, WaitRange? newcomer, int? window, string? from)
    {
        // The range as the board words it ("25–35"), or the single figure of the fallback.
        var wait = newcomer is { } n ? (n.High > n.Low ? $"{n.Low:0}–{n.High:0}" : $"{n.Point:0}") : null;
        var fromName = from is null ? null : hall.FindTheme(from)?.Name ?? from;
        var fromNameEn = from is null ? null : hall.FindTheme(from)?.NameEn ?? from;
        var state = level == SlaSeverity.Breach
            ? ($"{theme.Name}已有群众等候{stats.LongestWaitMinutes:0}分钟，超过{stats.TargetMinutes}分钟目标",
               $"{theme.NameEn}: a citizen has waited {stats.LongestWaitMinutes:0} min, past the {stats.TargetMinutes}-min target")
            : (wait is null ? $"{theme.Name}有{stats.Waiting}人等候但无窗口受理" : $"{theme.Name}预计等候{wait}分钟，将超过{stats.TargetMinutes}分钟目标",
               wait is null ? $"{theme.NameEn}: {stats.Waiting} waiting and no window serving" : $"{theme.NameEn}: projected wait {wait} min will pass the {stats.TargetMinutes}-min target");
        return window is null
            ? ($"{state.Item1}；暂无可调配窗口，建议开启备用窗口", $"{state.Item2}; no window to spare: open a standby window")
            : ($"{state.Item1}；建议把{window}号窗口从{fromName}调到{theme.Name}", $"{state.Item2}; move window {window} from {fromNameEn} to {theme.NameEn}");
    }
}

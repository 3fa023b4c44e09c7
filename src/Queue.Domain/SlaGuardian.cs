using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// The live SLA rule of a hall. A theme is in <see cref="SlaSeverity.Breach"/> when its longest waiting ticket has
/// passed the target, and in <see cref="SlaSeverity.Warning"/> when a newcomer's projected wait (the one estimate,
/// <see cref="WaitPrediction"/>, over the theme's serving capacity) or the head of the line's projected wait passes <see cref="WarnShare"/> of the target.
/// The advice: the open window, not already serving the theme, whose current themes have the most slack and keep
/// enough of it without that window; windows in the theme's zone first. The most urgent line is advised first and a
/// window is promised to one line only.
/// </summary>
public static class SlaGuardian
{
    public const double WarnShare = 0.9;
    public const double DonorLimit = 0.6;

    public static IReadOnlyList<SlaAlert> Evaluate(HallConfig hall, IReadOnlyList<ThemeQueueSnapshot> themes, IReadOnlyList<WindowSnapshot> windows, DateTimeOffset now)
    {
        var alerts = new List<SlaAlert>();
        var byCode = themes.ToDictionary(t => t.ThemeCode);
        var loads = WaitPrediction.Loads(themes);
        var promised = new HashSet<int>();
        var troubled = themes.Where(t => t.Waiting > 0)
            .Select(t => (Theme: t, Projected: Projected(t, t.Waiting), Head: t.LongestWaitMinutes + (Projected(t, 1) / 2)))
            .Select(x => (x.Theme, x.Projected, Level: x.Theme.LongestWaitMinutes >= x.Theme.TargetMinutes ? SlaSeverity.Breach
                : Math.Max(x.Projected, x.Head) >= x.Theme.TargetMinutes * WarnShare ? SlaSeverity.Warning
                : (SlaSeverity?)null))
            .Where(x => x.Level is not null)
            .OrderByDescending(x => x.Level).ThenByDescending(x => x.Theme.LongestWaitMinutes / x.Theme.TargetMinutes).ThenBy(x => x.Theme.ThemeCode, StringComparer.Ordinal);

        // The most urgent line is advised first, and each window is promised to one line only.
        foreach (var (theme, projected, severity) in troubled)
        {
            var level = severity!.Value;
            var (window, from) = Donor(hall, theme, byCode, loads, windows.Where(w => !promised.Contains(w.WindowNo)).ToList());
            if (window is { } promisedWindow)
            {
                promised.Add(promisedWindow);
            }

            var config = hall.FindTheme(theme.ThemeCode)!;
            var shown = double.IsFinite(projected) ? Math.Round(projected, 1) : -1;
            var (zh, en) = Message(hall, config, level, theme, shown, window, from);
            alerts.Add(new SlaAlert(hall.HallId, theme.ThemeCode, level, shown, theme.LongestWaitMinutes, theme.TargetMinutes, window, from, zh, en, now));
        }

        return [.. alerts.OrderBy(a => a.ThemeCode, StringComparer.Ordinal)];
    }

    private static double Projected(ThemeQueueSnapshot theme, int people) =>
        WaitPrediction.Minutes(people, theme.AverageServiceMinutes, theme.ServingWindows) ?? double.PositiveInfinity;

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

    /// <summary>A donor theme's projected wait ÷ target once it loses this window's share of capacity.</summary>
    private static double Load(ThemeQueueSnapshot theme, double share)
    {
        if (theme.Waiting == 0)
        {
            return 0;
        }

        return (WaitPrediction.Minutes(theme.Waiting, theme.AverageServiceMinutes, theme.ServingWindows - share) ?? double.PositiveInfinity) / theme.TargetMinutes;
    }

    private static (string Zh, string En) Message(HallConfig hall, ThemeConfig theme, SlaSeverity level, ThemeQueueSnapshot stats, double projected, int? window, string? from)
    {
        var fromName = from is null ? null : hall.FindTheme(from)?.Name ?? from;
        var fromNameEn = from is null ? null : hall.FindTheme(from)?.NameEn ?? from;
        var state = level == SlaSeverity.Breach
            ? ($"{theme.Name}已有群众等候{stats.LongestWaitMinutes:0}分钟，超过{stats.TargetMinutes}分钟目标",
               $"{theme.NameEn}: a citizen has waited {stats.LongestWaitMinutes:0} min, past the {stats.TargetMinutes}-min target")
            : (projected < 0 ? $"{theme.Name}有{stats.Waiting}人等候但无窗口受理" : $"{theme.Name}预计等候{projected:0}分钟，将超过{stats.TargetMinutes}分钟目标",
               projected < 0 ? $"{theme.NameEn}: {stats.Waiting} waiting and no window serving" : $"{theme.NameEn}: projected wait {projected:0} min will pass the {stats.TargetMinutes}-min target");
        return window is null
            ? ($"{state.Item1}；暂无可调配窗口，建议开启备用窗口", $"{state.Item2}; no window to spare: open a standby window")
            : ($"{state.Item1}；建议把{window}号窗口从{fromName}调到{theme.Name}", $"{state.Item2}; move window {window} from {fromNameEn} to {theme.NameEn}");
    }
}

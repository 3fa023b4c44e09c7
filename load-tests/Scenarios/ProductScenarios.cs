namespace Queue.LoadTests.Scenarios;

/// <summary>The product scenarios by name.</summary>
public static class ProductScenarios
{
    public const string KioskSurge = "kiosk-surge";
    public const string WindowStaff = "window-staff";
    public const string Watchers = "watchers";

    /// <summary>Like for like with the bare hub: every watcher a board of one hall, every call pushed to all of them.</summary>
    public const string WatchersFanout = "watchers-fanout";

    /// <summary>The mixed run: kiosks across the halls, staff at the windows and watchers, all at once.</summary>
    public const string Morning = "province-morning";

    /// <summary>Issue rate with a deep line in one theme ÷ the rate with an empty line, same clients.</summary>
    public const string DeepLine = "issue-deep-line";

    /// <summary>call → phone at 20,000 watchers (or as many as the open-file limit allows), against the bare hub at the same count.</summary>
    public const string Watchers20k = "watchers-20k";

    /// <summary>Half the maximum ticket rate for --soak-minutes (30) with boards and phones connected.</summary>
    public const string Soak = "soak";

    /// <summary>Every scenario, for --scenarios all.</summary>
    public static IReadOnlyList<string> All { get; } = [KioskSurge, WindowStaff, Watchers, WatchersFanout, Watchers20k, DeepLine, Morning, Soak];

    /// <summary>What runs without --scenarios: all but the soak, which takes half an hour and runs only when named.</summary>
    public static IReadOnlyList<string> Default { get; } = [.. All.Where(s => s != Soak)];

    /// <summary>The names in --scenarios: "all" is every scenario; null is the default list.</summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? wanted) =>
        wanted is null ? Default : wanted.Contains("all") ? [.. All.Concat(wanted.Where(w => w != "all" && !All.Contains(w)))] : wanted;
}

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

    public static IReadOnlyList<string> All { get; } = [KioskSurge, WindowStaff, Watchers, WatchersFanout, Morning];
}

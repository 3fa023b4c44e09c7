namespace Queue.LoadTests.Scenarios;

/// <summary>The product scenarios by name.</summary>
public static class ProductScenarios
{
    public const string KioskSurge = "kiosk-surge";
    public const string WindowStaff = "window-staff";
    public const string Watchers = "watchers";

    /// <summary>The mixed run: kiosks across the halls, staff at the windows and watchers, all at once.</summary>
    public const string Morning = "province-morning";

    public static IReadOnlyList<string> All { get; } = [KioskSurge, WindowStaff, Watchers, Morning];
}

namespace Queue.LoadTests.Scenarios;

/// <summary>The product scenarios by name, and which of them can run today.</summary>
public static class ProductScenarios
{
    public const string KioskSurge = "kiosk-surge";
    public const string WindowStaff = "window-staff";
    public const string WatchersName = "watchers";
    public const string WatchersUnavailable =
        "the 'watchers' scenario is not available yet: the product has no SignalR hub for boards and phones " +
        "(it comes with the live hall issue; see Scenarios/IWatchersScenario.cs)";

    /// <summary>Becomes <c>new …()</c> when the product's hub exists; until then the CLI refuses the scenario and the report says why.</summary>
    public static IWatchersScenario? Watchers => null;

    public static IReadOnlyList<string> All { get; } = [KioskSurge, WindowStaff, WatchersName];

    public static bool IsAvailable(string name) => name != WatchersName || Watchers is not null;
}

namespace Queue.LoadTests.Scenarios;

/// <summary>How the simulated staff work. Service times are the themes' expected minutes scaled down.</summary>
public sealed record WindowStaffOptions
{
    /// <summary>Real seconds per simulated second: 0.001 makes a 15-minute service last 0.9 s.</summary>
    public double ServiceTimeScale { get; init; } = 0.001;

    /// <summary>Share of called tickets that do not come: recalled twice, then marked a no-show.</summary>
    public double NoShowShare { get; init; } = 0.05;

    /// <summary>Share of served tickets transferred to <see cref="TransferTheme"/> instead of completed.</summary>
    public double TransferShare { get; init; } = 0.05;

    public string TransferTheme { get; init; } = "SW";

    /// <summary>How long a window waits before calling again when nobody is waiting.</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Window numbers left to others (the watchers scenario's calling windows) in every hall.</summary>
    public IReadOnlyCollection<int> ExcludedWindows { get; init; } = [];
}

namespace Queue.LoadTests.Engine;

/// <summary>How a run shows itself while it goes.</summary>
public sealed record LoadRunOptions
{
    /// <summary>Where the live one-line progress goes; null for none (tests).</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Rewrite the progress in place with a carriage return (a terminal) instead of printing a line each time (a log).</summary>
    public bool ProgressInPlace { get; init; }

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest time a scenario's Init or Clean may take.</summary>
    public TimeSpan SetupTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public static LoadRunOptions Quiet { get; } = new();

    public static LoadRunOptions Console { get; } = new()
    {
        Progress = System.Console.Out,
        ProgressInPlace = !System.Console.IsOutputRedirected,
    };
}

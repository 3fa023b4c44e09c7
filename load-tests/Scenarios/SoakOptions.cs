namespace Queue.LoadTests.Scenarios;

/// <summary>The soak's load: how long, how many tickets a second, how many watchers and calls, how often the halls close their day.</summary>
public sealed record SoakOptions
{
    /// <summary>Issue 15: 30 minutes.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Kiosk tickets a second (open model): half the maximum ticket rate.</summary>
    public int Rate { get; init; } = 1;

    /// <summary>Boards and phones connected throughout (20% boards, as in the watchers scenario).</summary>
    public int Watchers { get; init; } = 2_000;

    /// <summary>Window calls a second (the watchers scenario's windows call, start and complete).</summary>
    public int CallsPerSecond { get; init; } = 10;

    /// <summary>
    /// Every this often every hall closes its day (its waiting tickets expire), a compressed day, so the lines stay
    /// bounded as in a real hall; null: never (the lines then grow by the whole rate for the whole run).
    /// </summary>
    public TimeSpan? CloseDayEvery { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);
}

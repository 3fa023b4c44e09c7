namespace Queue.LoadTests.Engine;

/// <summary>
/// A scenario as NBomber has it: a function run once per iteration that calls named steps through its
/// <see cref="ScenarioContext"/>, a warm-up, and load simulations run one after the other.
/// </summary>
public sealed record Scenario(string Name, Func<ScenarioContext, Task<Response>> Run)
{
    public IReadOnlyList<LoadSimulation> Simulations { get; init; } = [];

    /// <summary>How long the start of the load is replayed, unmeasured, before the measured run.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>An iteration still running after this is cancelled and counted as a failure ("timeout").</summary>
    public TimeSpan IterationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Open model: at most this many iterations run at once; later starts wait, timed from their intended start.</summary>
    public int MaxInFlight { get; init; } = 2_000;

    /// <summary>How long past the end of the load the scenario may still send late starts and finish iterations.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(30);

    public Func<CancellationToken, Task>? Init { get; init; }

    public Func<CancellationToken, Task>? Clean { get; init; }

    public static Scenario Create(string name, Func<ScenarioContext, Task<Response>> run) => new(name, run);

    /// <summary>A scenario whose iteration runs <paramref name="steps"/> in order and stops at the first failure.</summary>
    public static Scenario Create(string name, params Step[] steps) => new(name, async context =>
    {
        foreach (var step in steps)
        {
            var response = await context.Step(step.Name, () => step.Run(context));
            if (!response.IsOk)
            {
                return response;
            }
        }

        return Response.Ok();
    });

    public Scenario WithLoad(params LoadSimulation[] simulations) => this with { Simulations = simulations };

    public Scenario WithWarmUp(TimeSpan duration) => this with { WarmUp = duration };

    public Scenario WithoutWarmUp() => this with { WarmUp = TimeSpan.Zero };

    public Scenario WithInit(Func<CancellationToken, Task> init) => this with { Init = init };

    public Scenario WithClean(Func<CancellationToken, Task> clean) => this with { Clean = clean };

    /// <summary>The load in words, for reports: "KeepConstant 8 × 10s, RampingInject 300/1s × 30s".</summary>
    public string DescribeLoad() => string.Join(", ", Simulations.Select(s => s.IsOpen
        ? $"{s.Kind} {s.Target}/{s.Interval.TotalSeconds:0.###}s × {s.During.TotalSeconds:0.###}s"
        : $"{s.Kind} {s.Target} × {s.During.TotalSeconds:0.###}s"));
}

using System.Diagnostics;

namespace Queue.LoadTests.Engine;

/// <summary>
/// One iteration's view of the run. Steps are timed here. In the open model the first step is timed from the
/// iteration's intended start, so time spent waiting to be sent counts (no coordinated omission).
/// </summary>
public sealed class ScenarioContext
{
    private readonly ScenarioStats _stats;
    private long _nextStepStart;

    internal ScenarioContext(ScenarioStats stats, int instance, long invocation, long intendedStart, long runStart, bool isWarmUp, CancellationToken cancellation)
    {
        _stats = stats;
        InstanceNumber = instance;
        InvocationNumber = invocation;
        IntendedStart = intendedStart;
        RunStart = runStart;
        _nextStepStart = intendedStart;
        IsWarmUp = isWarmUp;
        CancellationToken = cancellation;
    }

    public string ScenarioName => _stats.Name;

    /// <summary>Closed model: the copy running this iteration (0-based, stable across its iterations). Open model: −1.</summary>
    public int InstanceNumber { get; }

    /// <summary>Closed model: this copy's iteration count. Open model: the index of the intended start.</summary>
    public long InvocationNumber { get; }

    /// <summary>When this iteration was meant to start (a <see cref="Stopwatch"/> timestamp).</summary>
    public long IntendedStart { get; }

    /// <summary>When this run (the warm-up or the measured run) of the scenario started (a <see cref="Stopwatch"/> timestamp).</summary>
    public long RunStart { get; }

    public bool IsWarmUp { get; }

    /// <summary>Cancelled when the iteration times out.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Runs and times a named step; an exception or a timeout becomes a failed response, never escapes.</summary>
    public async Task<Response> Step(string name, Func<Task<Response>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var start = _nextStepStart != 0 ? _nextStepStart : Stopwatch.GetTimestamp();
        _nextStepStart = 0;
        var response = await Guard(run, CancellationToken);
        Record(name, Stopwatch.GetElapsedTime(start), response);
        return response;
    }

    /// <summary>Records a measurement taken elsewhere (a push received by a watcher); safe from any thread.</summary>
    public void Record(string step, TimeSpan latency, Response response) => _stats.Step(step).Record(latency, response);

    internal static async Task<Response> Guard(Func<Task<Response>> run, CancellationToken cancellation)
    {
        try
        {
            return await run();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return Response.Fail("timeout", "cancelled after the iteration timeout");
        }
        catch (Exception ex)
        {
            // Not swallowed: every exception is counted as a failure under its type, with its message.
            return Response.Fail(ex.GetType().Name, ex.Message);
        }
    }
}

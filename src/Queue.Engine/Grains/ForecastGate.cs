using System.Diagnostics;

namespace Queue.Engine.Grains;

/// <summary>
/// What the silo's forward wait predictions may take of the machine. They take turns (they are CPU-bound: twenty halls
/// simulating at once on two cores only slow each other and the requests), and after a turn that took <c>d</c> the next
/// waits <c>d × (1 ÷ share − 1)</c>, so the predictions use at most their share of one core (<see cref="DefaultShare"/>)
/// however long the lines are. A hall waiting for its turn keeps its last forecast meanwhile (the pages fall back to the
/// closed form once it is stale). With the lines of a working day a prediction takes milliseconds and the turns are
/// never felt; they matter when lines run to thousands (a load test, a hall nobody calls from).
/// </summary>
internal sealed class ForecastGate(double share = ForecastGate.DefaultShare)
{
    public const double DefaultShare = 0.25;

    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>The silo's gate: every hall's forecaster shares it.</summary>
    public static ForecastGate Shared { get; } = new();

    /// <summary>Runs <paramref name="work"/> on the thread pool in its turn, off the caller's turn.</summary>
    public async Task<T> RunAsync<T>(Func<T> work)
    {
        await _turn.WaitAsync();
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await Task.Run(work);
        }
        finally
        {
            _ = ReleaseAfter(Stopwatch.GetElapsedTime(started) * ((1 / share) - 1));
        }
    }

    private async Task ReleaseAfter(TimeSpan rest)
    {
        if (rest >= TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(rest);
        }

        _turn.Release();
    }
}

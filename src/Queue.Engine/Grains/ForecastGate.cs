using System.Diagnostics;

namespace Queue.Engine.Grains;

/// <summary>
/// What the silo's forward wait predictions may take of the machine (a singleton of the silo). They take turns (they are
/// CPU-bound: twenty halls gathering their lines and simulating at once on two cores only slow each other and the
/// requests), and after a turn that took <c>d</c> the next waits <c>d × (1 ÷ share − 1)</c>, so the predictions use at
/// most their share of one core (<see cref="DefaultShare"/>) however long the lines are. A turn is the whole round: the
/// gathering of the lines as well as the simulation. A hall waiting for its turn keeps its last forecast meanwhile (the
/// pages fall back to the closed form once it is stale). With the lines of a working day a turn takes milliseconds and is
/// never felt; the turns matter when lines run to thousands (a load test, a hall nobody calls from).
/// </summary>
public sealed class ForecastGate(double share = ForecastGate.DefaultShare)
{
    public const double DefaultShare = 0.25;

    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Runs <paramref name="round"/> in its turn, on the caller's scheduler (a grain's round stays on its grain).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> round)
    {
        await _turn.WaitAsync();
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await round();
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
            await Task.Delay(rest).ConfigureAwait(false);
        }

        _turn.Release();
    }
}

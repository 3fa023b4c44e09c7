using System.Diagnostics;

namespace Queue.Engine.Grains;

/// <summary>
/// What the silo's forward wait predictions may take of the machine (a singleton of the silo). Rounds take turns (they
/// are CPU-bound: twenty halls gathering their lines and simulating at once on two cores only slow each other and the
/// requests), and the work they report is charged to a budget that refills at <see cref="DefaultShare"/> of one core and
/// holds at most <see cref="Burst"/> of work: a round waits only while the budget is spent, so the predictions use at
/// most their share of a core over time however long the lines are, and a silo whose predictions stay within it never
/// makes one wait. Only the work a round reports (its simulation, measured on the thread that runs it) is charged, not
/// its time waiting for other grains or for a thread: on a busy machine that waiting would otherwise become rests that
/// leave the halls' forecasts stale. A hall waiting for its turn keeps its last forecast meanwhile (the pages fall back
/// to the closed form once it is stale). With the lines of a working day a round takes milliseconds and never waits;
/// the budget matters when lines run to thousands (a load test, a hall nobody calls from).
/// </summary>
public sealed class ForecastGate(double share = ForecastGate.DefaultShare)
{
    public const double DefaultShare = 0.25;

    /// <summary>The most work the budget holds: what predictions may spend at once after a quiet spell.</summary>
    public static readonly TimeSpan Burst = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private TimeSpan _budget = Burst;
    private long _countedAt = Stopwatch.GetTimestamp();

    /// <summary>Rounds that waited for the budget to refill since the silo started.</summary>
    public int Rested { get; private set; }

    /// <summary>
    /// Runs <paramref name="round"/> in its turn, on the caller's scheduler (a grain's round stays on its grain), once the
    /// budget is not spent; the round reports its work through <see cref="Charge"/> (see <see cref="Measure{T}"/>).
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Charge, Task<T>> round)
    {
        await _turn.WaitAsync();
        try
        {
            Refill();
            if (_budget < TimeSpan.Zero)
            {
                Rested++;
                await Task.Delay(-_budget / share);
                Refill();
            }

            return await round(work => _budget -= work);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> (synchronous, CPU-bound) on a pool thread and charges its duration.</summary>
    public static Task<T> Measure<T>(Charge charge, Func<T> work) => Task.Run(() =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            charge(Stopwatch.GetElapsedTime(started));
        }
    });

    private void Refill()
    {
        var now = Stopwatch.GetTimestamp();
        var refilled = _budget + (Stopwatch.GetElapsedTime(_countedAt, now) * share);
        _budget = refilled > Burst ? Burst : refilled;
        _countedAt = now;
    }

    /// <summary>Work a round did, charged to the budget.</summary>
    public delegate void Charge(TimeSpan work);
}

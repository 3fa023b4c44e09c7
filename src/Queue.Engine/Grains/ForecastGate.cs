using System.Collections.Concurrent;
using System.Diagnostics;

namespace Queue.Engine.Grains;

/// <summary>
/// What the silo's forward wait predictions may take of the machine (a singleton of the silo). Rounds take turns (they
/// are CPU-bound: twenty halls gathering their lines and simulating at once on two cores only slow each other and the
/// requests), and their simulations run on one thread of the gate's own at the lowest CPU priority
/// (<see cref="LowPriorityThread"/>): the kernel gives it a core only when no request, grain or hub thread wants it, so a
/// simulation over a line of thousands delays no answer; on a saturated machine the forecasts wait instead (and go
/// stale, the pages falling back to the closed form) rather than the citizens. The work a round reports (its simulation,
/// measured on that thread: its CPU time, plus whatever time the kernel gave others meanwhile) is charged to a budget
/// that refills at <see cref="DefaultShare"/> of one core and holds at most <see cref="Burst"/> of work: a round waits
/// only while the budget is spent, so the predictions use at most their share of a core over time however long the
/// lines are (the machine's idle CPU is not free: a shared host, a laptop's battery, the generator of a load test).
/// Only the simulation is charged, not a round's time waiting for other grains: on a busy machine that waiting would
/// otherwise become rests that leave the halls' forecasts stale. A hall waiting for its turn keeps its last forecast
/// meanwhile. With the lines of a working day a round takes milliseconds and never waits.
/// </summary>
public sealed class ForecastGate : IDisposable
{
    public const double DefaultShare = 0.25;

    /// <summary>The most work the budget holds: what predictions may spend at once after a quiet spell.</summary>
    public static readonly TimeSpan Burst = TimeSpan.FromSeconds(1);

    private readonly double _share;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly BlockingCollection<Action> _simulations = [];
    private readonly TaskCompletionSource<bool> _lowered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _budget = Burst;
    private long _countedAt = Stopwatch.GetTimestamp();

    public ForecastGate(double share = DefaultShare)
    {
        _share = share;
        new Thread(Simulate) { IsBackground = true, Name = "Queue forecasts" }.Start();
    }

    /// <summary>False when the share is 0: the forward predictions are off and the pages show the closed form.</summary>
    public bool Enabled => _share > 0;

    /// <summary>Whether the simulations' thread runs at the lowest priority (false where the platform has none or refused).</summary>
    public Task<bool> Lowered => _lowered.Task;

    /// <summary>Rounds that waited for the budget to refill since the silo started.</summary>
    public int Rested { get; private set; }

    /// <summary>
    /// Runs <paramref name="round"/> in its turn, on the caller's scheduler (a grain's round stays on its grain), once the
    /// budget is not spent; the round reports its work through <see cref="Charge"/> (see <see cref="Measure{T}"/>).
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Charge, Task<T>> round)
    {
        if (!Enabled)
        {
            throw new InvalidOperationException("Forward wait predictions are off (Queue:ForecastCpuShare = 0).");
        }

        await _turn.WaitAsync();
        try
        {
            Refill();
            if (_budget < TimeSpan.Zero)
            {
                Rested++;
                await Task.Delay(-_budget / _share);
                Refill();
            }

            return await round(work => _budget -= work);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> (synchronous, CPU-bound) on the gate's low-priority thread and charges its duration.</summary>
    public Task<T> Measure<T>(Charge charge, Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _simulations.Add(() =>
        {
            var started = Stopwatch.GetTimestamp();
            T answer;
            try
            {
                answer = work();
            }
            catch (Exception e)
            {
                charge(Stopwatch.GetElapsedTime(started));
                done.SetException(e);
                return;
            }

            charge(Stopwatch.GetElapsedTime(started)); // before the round goes on: the next turn sees the charge
            done.SetResult(answer);
        });
        return done.Task;
    }

    /// <summary>No more simulations are taken; the thread finishes the one it runs and ends.</summary>
    public void Dispose() => _simulations.CompleteAdding();

    private void Simulate()
    {
        _lowered.SetResult(LowPriorityThread.LowerCurrent());
        foreach (var simulation in _simulations.GetConsumingEnumerable())
        {
            simulation();
        }
    }

    private void Refill()
    {
        var now = Stopwatch.GetTimestamp();
        var refilled = _budget + (Stopwatch.GetElapsedTime(_countedAt, now) * _share);
        _budget = refilled > Burst ? Burst : refilled;
        _countedAt = now;
    }

    /// <summary>Work a round did, charged to the budget.</summary>
    public delegate void Charge(TimeSpan work);
}

using System.Diagnostics;

namespace Queue.LoadTests.Engine;

/// <summary>
/// Runs one scenario's timeline once (a warm-up or the measured run) into one <see cref="ScenarioStats"/>.
/// Every loop is bounded: closed copies stop at the timeline's end, the open injector sends only the
/// timeline's planned starts, and nothing waits past the end plus the scenario's drain time.
/// </summary>
internal sealed class ScenarioRunner(Scenario scenario, LoadTimeline timeline, ScenarioStats stats, bool isWarmUp)
{
    private static readonly TimeSpan ControlTick = TimeSpan.FromMilliseconds(25);
    private long _start;
    private int _targetCopies;

    public TimeSpan Duration => TimeSpan.FromSeconds(timeline.Duration);

    public async Task RunAsync(CancellationToken abort)
    {
        _start = Stopwatch.GetTimestamp();
        var deadline = timeline.Duration + scenario.Drain.TotalSeconds;
        await Task.WhenAll(RunClosedAsync(deadline, abort), RunOpenAsync(deadline, abort));
    }

    private double Elapsed => Stopwatch.GetElapsedTime(_start).TotalSeconds;

    private async Task RunClosedAsync(double deadline, CancellationToken abort)
    {
        if (!timeline.HasClosed)
        {
            return;
        }

        var copies = new Task?[timeline.MaxCopies];
        var ticks = (long)(timeline.Duration / ControlTick.TotalSeconds) + 2;
        for (long tick = 0; tick < ticks && !abort.IsCancellationRequested; tick++)
        {
            var now = Elapsed;
            if (now >= timeline.Duration)
            {
                break;
            }

            var target = Math.Min(timeline.CopiesAt(now), copies.Length);
            Volatile.Write(ref _targetCopies, target);
            for (var i = 0; i < target; i++)
            {
                if (copies[i] is null || copies[i]!.IsCompleted)
                {
                    var instance = i;
                    copies[i] = Task.Run(() => CopyLoopAsync(instance, abort), CancellationToken.None);
                }
            }

            await Delay(ControlTick, abort);
        }

        Volatile.Write(ref _targetCopies, 0);
        await WaitUntil(Task.WhenAll(copies.OfType<Task>()), deadline, "closed-model iterations");
    }

    private async Task CopyLoopAsync(int instance, CancellationToken abort)
    {
        // Bounded by the timeline's end; the count bound only guards against a scenario that returns instantly forever.
        for (long n = 0; n < int.MaxValue && !abort.IsCancellationRequested; n++)
        {
            if (instance >= Volatile.Read(ref _targetCopies) || Elapsed >= timeline.Duration)
            {
                return;
            }

            await RunIterationAsync(instance, n, Stopwatch.GetTimestamp());
        }
    }

    private async Task RunOpenAsync(double deadline, CancellationToken abort)
    {
        if (!timeline.HasOpen)
        {
            return;
        }

        using var slots = new SemaphoreSlim(scenario.MaxInFlight, scenario.MaxInFlight);
        var starts = timeline.OpenStarts().ToArray();
        long sent = 0;
        for (; sent < starts.Length && !abort.IsCancellationRequested; sent++)
        {
            var wait = starts[sent] - Elapsed;
            if (wait > 0)
            {
                await Delay(TimeSpan.FromSeconds(wait), abort);
            }

            // A full generator makes this start late; it is still timed from when it was meant to start.
            var left = deadline - Elapsed;
            if (!await TryAcquire(slots, left, abort))
            {
                break;
            }

            var intended = _start + (long)(starts[sent] * Stopwatch.Frequency);
            var invocation = sent;
            _ = Task.Run(async () =>
            {
                try
                {
                    await RunIterationAsync(-1, invocation, intended);
                }
                finally
                {
                    slots.Release();
                }
            }, CancellationToken.None);
        }

        if (sent < starts.Length)
        {
            stats.Total.RecordUnsent(starts.Length - sent, "not-sent");
            stats.Note($"{starts.Length - sent} intended starts were never sent before the deadline (the generator or the target was saturated); counted as failures.");
        }

        for (var i = 0; i < scenario.MaxInFlight; i++)
        {
            var left = deadline - Elapsed;
            if (!await TryAcquire(slots, left, CancellationToken.None))
            {
                stats.Note($"{scenario.MaxInFlight - i} open-model iterations were still running at the drain deadline and are not counted.");
                return;
            }
        }
    }

    private async Task RunIterationAsync(int instance, long invocation, long intendedStart)
    {
        stats.Enter();
        try
        {
            using var timeout = new CancellationTokenSource(scenario.IterationTimeout);
            var context = new ScenarioContext(stats, instance, invocation, intendedStart, _start, isWarmUp, timeout.Token);
            var response = await ScenarioContext.Guard(() => scenario.Run(context), timeout.Token);
            stats.Total.Record(Stopwatch.GetElapsedTime(intendedStart), response);
        }
        finally
        {
            stats.Exit();
        }
    }

    private async Task WaitUntil(Task work, double deadline, string what)
    {
        var left = Math.Max(0, deadline - Elapsed);
        if (await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(left))) != work)
        {
            stats.Note($"Some {what} were still running at the drain deadline and are not counted.");
        }
    }

    private static async Task<bool> TryAcquire(SemaphoreSlim slots, double seconds, CancellationToken abort)
    {
        try
        {
            return seconds > 0 && await slots.WaitAsync(TimeSpan.FromSeconds(seconds), abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken abort)
    {
        try
        {
            await Task.Delay(delay, abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // the run was aborted (Ctrl+C): the loops check the token and end
        }
    }
}

using System.Diagnostics;
using Queue.Engine.Grains;

namespace Queue.GrainTests.Engine;

/// <summary>
/// The silo's forward wait predictions take turns and stay within their share of a core (<see cref="ForecastGate"/>).
/// Lower bounds only: a slow machine lengthens the turns, it cannot shorten the rests.
/// </summary>
public sealed class ForecastGateTests
{
    [Fact]
    public async Task PredictionsTakeTurnsAndNeverWaitWithinTheirBudget()
    {
        using var gate = new ForecastGate(share: 0.25);
        var running = 0;
        var overlapped = false;
        string Work()
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            Thread.Sleep(30);
            Interlocked.Decrement(ref running);
            return "forecast";
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => gate.RunAsync(charge => gate.Measure(charge, Work))));

        Assert.All(answers, a => Assert.Equal("forecast", a));
        Assert.False(overlapped, "two predictions ran at once");
        Assert.Equal(0, gate.Rested); // 4 × 30 ms of work is well inside the burst
    }

    [Fact]
    public async Task ARoundPastTheBudgetMakesTheNextWaitUntilTheShareHasPaidForIt()
    {
        using var gate = new ForecastGate(share: 0.5);
        var overspent = ForecastGate.Burst + TimeSpan.FromMilliseconds(500); // 0.5 s past the budget: 1 s to refill at half a core

        var ended = await gate.RunAsync(charge =>
        {
            charge(overspent);
            return Task.FromResult(Stopwatch.GetTimestamp());
        });
        var started = await gate.RunAsync(_ => Task.FromResult(Stopwatch.GetTimestamp()));

        Assert.Equal(1, gate.Rested);
        var rest = Stopwatch.GetElapsedTime(ended, started);
        Assert.True(rest >= TimeSpan.FromMilliseconds(900), $"the next round started {rest.TotalMilliseconds:F0} ms after");
    }

    [Fact]
    public async Task MeasureChargesTheWorksOwnTime()
    {
        using var gate = new ForecastGate();
        var charged = TimeSpan.Zero;

        var answer = await gate.Measure(work => charged += work, () =>
        {
            Thread.Sleep(50);
            return 42;
        });

        Assert.Equal(42, answer);
        Assert.True(charged >= TimeSpan.FromMilliseconds(45), $"charged {charged.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task SimulationsRunOnAThreadOfTheLowestPriorityAndAFailedOneReachesItsRound()
    {
        using var gate = new ForecastGate();

        var nice = await gate.Measure(_ => { }, ThisThreadsNice);
        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.Measure<int>(_ => { }, () => throw new InvalidOperationException("no windows")));

        Assert.Equal(OperatingSystem.IsLinux(), await gate.Lowered);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(19, nice); // the kernel gives this thread a core only when no other wants it
            Assert.Equal(0, ThisThreadsNice()); // the test's own thread is untouched
        }
    }

    [Fact]
    public async Task AGateWithNoShareIsOffAndRefusesARoundInsteadOfWaitingForever()
    {
        using var gate = new ForecastGate(share: 0);

        Assert.False(gate.Enabled);
        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync(_ => Task.FromResult("forecast")));
    }

    [Fact]
    public async Task AFailedPredictionGivesTheTurnBack()
    {
        using var gate = new ForecastGate();

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<string>(_ => throw new InvalidOperationException("no windows")));

        Assert.Equal("next", await gate.RunAsync(_ => Task.FromResult("next")).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>The calling thread's nice value, from /proc (field 19 of its stat line; -1 where there is no /proc).</summary>
    private static int ThisThreadsNice()
    {
        if (!File.Exists("/proc/thread-self/stat"))
        {
            return -1;
        }

        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // from field 3 (state) on: the name may hold spaces
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}

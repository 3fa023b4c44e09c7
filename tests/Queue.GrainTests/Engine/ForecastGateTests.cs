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
        var gate = new ForecastGate(share: 0.25);
        var running = 0;
        var overlapped = false;
        string Work()
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            Thread.Sleep(30);
            Interlocked.Decrement(ref running);
            return "forecast";
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => gate.RunAsync(charge => ForecastGate.Measure(charge, Work))));

        Assert.All(answers, a => Assert.Equal("forecast", a));
        Assert.False(overlapped, "two predictions ran at once");
        Assert.Equal(0, gate.Rested); // 4 × 30 ms of work is well inside the burst
    }

    [Fact]
    public async Task ARoundPastTheBudgetMakesTheNextWaitUntilTheShareHasPaidForIt()
    {
        var gate = new ForecastGate(share: 0.5);
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
        var charged = TimeSpan.Zero;

        var answer = await ForecastGate.Measure(work => charged += work, () =>
        {
            Thread.Sleep(50);
            return 42;
        });

        Assert.Equal(42, answer);
        Assert.True(charged >= TimeSpan.FromMilliseconds(45), $"charged {charged.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task AFailedPredictionGivesTheTurnBack()
    {
        var gate = new ForecastGate();

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<string>(_ => throw new InvalidOperationException("no windows")));

        Assert.Equal("next", await gate.RunAsync(_ => Task.FromResult("next")).WaitAsync(TimeSpan.FromSeconds(30)));
    }
}

using System.Diagnostics;
using Queue.Engine.Grains;

namespace Queue.GrainTests.Engine;

/// <summary>
/// The silo's forward wait predictions take turns and leave the rest of the CPU to the requests
/// (<see cref="ForecastGate"/>). Lower bounds only: a slow machine lengthens the turns, it cannot shorten the rests.
/// </summary>
public sealed class ForecastGateTests
{
    [Fact]
    public async Task PredictionsTakeTurnsAndRestInProportionToTheirWork()
    {
        var gate = new ForecastGate(share: 0.5); // a rest as long as the turn before it
        var running = 0;
        var overlapped = false;
        var turns = new List<(long Start, long End)>();
        string Work()
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            var start = Stopwatch.GetTimestamp();
            Thread.Sleep(60);
            lock (turns)
            {
                turns.Add((start, Stopwatch.GetTimestamp()));
            }

            Interlocked.Decrement(ref running);
            return "forecast";
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => gate.RunAsync(() => Task.Run(Work))));

        Assert.All(answers, a => Assert.Equal("forecast", a));
        Assert.False(overlapped, "two predictions ran at once");
        var ordered = turns.OrderBy(t => t.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var rest = Stopwatch.GetElapsedTime(ordered[i - 1].End, ordered[i].Start);
            var worked = Stopwatch.GetElapsedTime(ordered[i - 1].Start, ordered[i - 1].End);
            Assert.True(rest >= worked * 0.9, $"turn {i} started {rest.TotalMilliseconds:F0} ms after the one before ended, which worked {worked.TotalMilliseconds:F0} ms");
        }
    }

    [Fact]
    public async Task AFailedPredictionGivesTheTurnBack()
    {
        var gate = new ForecastGate(share: 1); // no rest

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<string>(() => throw new InvalidOperationException("no windows")));

        Assert.Equal("next", await gate.RunAsync(() => Task.FromResult("next")).WaitAsync(TimeSpan.FromSeconds(30)));
    }
}

using Queue.LoadTests.Engine;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Tests;

public sealed class TimelineTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void InjectSpreadsItsRateEvenlyOverEachInterval()
    {
        var starts = LoadTimeline.From([LoadSimulation.Inject(10, Second, TimeSpan.FromSeconds(2))]).OpenStarts().ToList();

        Assert.Equal(20, starts.Count);
        Assert.Equal(0.05, starts[0], precision: 9);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.Equal(0.1, pair.Second - pair.First, precision: 9));
    }

    [Fact]
    public void RampingInjectStartsFromThePreviousRateAndSpeedsUp()
    {
        var timeline = LoadTimeline.From([LoadSimulation.RampingInject(10, Second, TimeSpan.FromSeconds(2)), LoadSimulation.RampingInject(20, Second, TimeSpan.FromSeconds(1))]);
        var first = timeline.Phases[0].OpenStarts().ToList();
        var second = timeline.Phases[1].OpenStarts().ToList();

        Assert.Equal(10, first.Count); // the area under 0 → 10/s over 2 s
        Assert.Equal(15, second.Count); // the area under 10 → 20/s over 1 s
        var gaps = first.Zip(first.Skip(1), (x, y) => y - x).ToList();
        Assert.True(gaps.Zip(gaps.Skip(1)).All(g => g.Second < g.First), "gaps shrink as the rate grows");
        Assert.All(second, t => Assert.InRange(t, 2.0, 3.0));
    }

    [Fact]
    public void RampingConstantMovesFromThePreviousCopiesToItsTarget()
    {
        var timeline = LoadTimeline.From([LoadSimulation.KeepConstant(2, Second), LoadSimulation.RampingConstant(10, TimeSpan.FromSeconds(4)), LoadSimulation.Inject(5, Second, Second)]);

        Assert.Equal(2, timeline.CopiesAt(0.5));
        Assert.Equal(2, timeline.CopiesAt(1.0));
        Assert.Equal(6, timeline.CopiesAt(3.0));
        Assert.Equal(0, timeline.CopiesAt(5.5));
        Assert.Equal(10, timeline.MaxCopies);
        Assert.Equal(6.0, timeline.Duration);
    }

    [Fact]
    public void AWarmUpReplaysOnlyTheStartOfTheLoad()
    {
        var warmUp = LoadTimeline.From([LoadSimulation.RampingInject(10, Second, TimeSpan.FromSeconds(2))]).Truncate(Second);

        Assert.Equal(1.0, warmUp.Duration);
        var starts = warmUp.OpenStarts().ToList();
        Assert.Equal(2, starts.Count); // the rate is 5t per second, so 2.5t² starts by t: they fall where that reaches ½ and 1½
        Assert.Equal(Math.Sqrt(0.2), starts[0], precision: 9);
        Assert.Equal(Math.Sqrt(0.6), starts[1], precision: 9);
    }

    [Fact]
    public void TheZipfSamplerFavoursTheFirstRanksAndStillReachesTheLast()
    {
        var sampler = new ZipfSampler(8);
        var random = new Random(42);
        var counts = new int[8];
        for (var i = 0; i < 20_000; i++)
        {
            counts[sampler.Next(random)]++;
        }

        Assert.True(counts[0] > 2 * counts[3], string.Join(",", counts));
        Assert.True(counts[7] > 0);
        Assert.InRange(counts[0] / 20_000.0, 0.33, 0.40); // 1 / H(8) = 0.368
    }
}

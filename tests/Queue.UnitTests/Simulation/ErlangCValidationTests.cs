using Queue.Domain.Analytics;
using Queue.Simulation;

namespace Queue.UnitTests.Simulation;

/// <summary>
/// The simulator is trusted when it reproduces the closed form: one theme, c identical windows, Poisson arrivals,
/// exponential service over a long stationary day give Erlang C's P(wait ≤ t) and mean wait, within the 95% confidence
/// interval of the replications (plus a small tolerance for the warm-up).
/// </summary>
public sealed class ErlangCValidationTests
{
    private const int Replications = 12;

    [Theory]
    [InlineData(0.5, 6.0, 4, 2.0)]  // A = 3, occupancy 75%
    [InlineData(1.0, 4.0, 5, 1.0)]  // A = 4, occupancy 80%
    [InlineData(0.3, 10.0, 4, 3.0)] // A = 3, occupancy 75%, long services
    [InlineData(1.5, 3.0, 6, 0.5)]  // A = 4.5, occupancy 75%, many short services
    public void TheSimulatedDayMatchesErlangCWithinItsConfidenceInterval(double arrivalsPerMinute, double handleMinutes, int windows, double t)
    {
        var scenario = StationaryHall.Scenario(arrivalsPerMinute, handleMinutes, windows);
        var days = Enumerable.Range(0, Replications)
            .Select(r => HallDaySimulator.Run(scenario, SimulationPolicy.QueueRouting, seed: 1000 + r)).ToList();
        var load = ErlangC.OfferedLoad(arrivalsPerMinute, handleMinutes);

        var withinT = ConfidenceInterval.Of([.. days.Select(d => d.ShareCalledWithin(t))]);
        var meanWait = ConfidenceInterval.Of([.. days.Select(d => d.MeanWait)]);
        var expectedLevel = ErlangC.ServiceLevel(windows, load, handleMinutes, t);
        var expectedWait = ErlangC.AverageSpeedOfAnswer(windows, load, handleMinutes);

        Assert.True(withinT.Contains(expectedLevel, tolerance: 0.01), $"P(W ≤ {t}) simulated {withinT}, Erlang C {expectedLevel:0.###}");
        Assert.True(meanWait.Contains(expectedWait, tolerance: 0.03 * expectedWait), $"mean wait simulated {meanWait}, Erlang C {expectedWait:0.###}");
    }

    [Fact]
    public void TheWindowsAreBusyAsOftenAsTheOfferedLoadSays()
    {
        var scenario = StationaryHall.Scenario(0.5, 6.0, 4);
        var busy = ConfidenceInterval.Of([.. Enumerable.Range(0, Replications)
            .Select(r => HallDaySimulator.Run(scenario, SimulationPolicy.QueueRouting, seed: 2000 + r).Windows.Utilization)]);

        Assert.True(busy.Contains(ErlangC.Occupancy(4, 3.0), tolerance: 0.01), $"utilization {busy}");
    }
}

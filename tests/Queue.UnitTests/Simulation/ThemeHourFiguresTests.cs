using Queue.Simulation;

namespace Queue.UnitTests.Simulation;

/// <summary>A policy's figures by theme × hour of issue, pooled over the replicated days (the what-if's heatmaps).</summary>
public sealed class ThemeHourFiguresTests
{
    [Fact]
    public void TheMeanWaitAndTicketsByThemeAndHourPoolEveryMeasuredTicketOfTheDays()
    {
        var scenario = DemoDay.Scenario(1.25);
        var days = new[] { 21, 22, 23 }.Select(seed => HallDaySimulator.Run(scenario, SimulationPolicy.QueueRouting, seed)).ToList();

        var summary = PolicySummary.Of(SimulationPolicy.QueueRouting, days);

        var measured = days.SelectMany(d => d.Measured).ToList();
        Assert.Equal(measured.Count / 3.0, summary.TicketsByThemeAndHour.Values.Sum(), 6);
        foreach (var ((theme, hour), mean) in summary.MeanWaitByThemeAndHour)
        {
            var waits = measured.Where(t => t.ThemeCode == theme && (int)(t.IssuedMinute / 60) == hour).Select(t => t.WaitMinutes).OfType<double>().ToList();
            Assert.Equal(waits.Average(), mean, 9);
        }

        var called = measured.Where(t => t.WaitMinutes is not null).GroupBy(t => (t.ThemeCode, (int)(t.IssuedMinute / 60))).Select(g => g.Key);
        Assert.Equal(called.Order(), summary.MeanWaitByThemeAndHour.Keys.Order());
        Assert.Equal(summary.ShareByThemeAndHour.Keys.Order(), summary.TicketsByThemeAndHour.Keys.Order());
        Assert.Equal(8, summary.TicketsByThemeAndHour.Keys.Select(k => k.Theme).Distinct().Count());
        Assert.Equal(Enumerable.Range(8, 9), summary.TicketsByThemeAndHour.Keys.Select(k => k.Hour).Distinct().Order()); // 08:30–17:00
    }
}

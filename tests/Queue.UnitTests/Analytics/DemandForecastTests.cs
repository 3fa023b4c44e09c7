using Queue.Contracts.Config;
using Queue.Domain.Analytics;

namespace Queue.UnitTests.Analytics;

public sealed class DemandForecastTests
{
    private static readonly DateOnly Monday = new(2025, 3, 24);
    private static readonly ThemeConfig Bdc = new("BDC", "不动产登记", "Real estate", "A", "bdc", 30, 15);
    private static readonly ThemeConfig Sw = new("SW", "税务", "Taxation", "C", "qy", 30, 12);
    private static readonly ForecastOptions ThreeWeeksHalving = new(Weeks: 3, Decay: 0.5, MinServiceSamples: 5);

    [Fact]
    public void RecentWeeksWeighMoreThanOlderOnes()
    {
        // 10, 20, 40 arrivals one, two and three weeks back, weighted 1, 0.5, 0.25: 30 / 1.75 (a plain mean would be 23.3).
        var history = new[] { Count(Bdc, 1, 18, 10), Count(Bdc, 2, 18, 20), Count(Bdc, 3, 18, 40) };

        var forecast = DemandForecast.Forecast([Bdc], history, [], Monday, ThreeWeeksHalving);

        Assert.Equal(3, forecast.WeeksObserved);
        Assert.Equal(30 / 1.75, forecast.Find("BDC", 18)!.ArrivalsPerInterval, 12);
        Assert.Equal(30 / 1.75 / 30, forecast.Find("BDC", 18)!.ArrivalsPerMinute, 12);
    }

    [Fact]
    public void OnlyTheSameWeekdayWithinTheLookBackCounts()
    {
        var history = new[]
        {
            Count(Bdc, 1, 18, 10),
            new ArrivalCount("BDC", Monday.AddDays(-6), 18, 500), // the Tuesday before
            Count(Bdc, 4, 18, 500),                                 // older than three weeks
            new ArrivalCount("BDC", Monday, 18, 500),               // the target day itself
        };

        var forecast = DemandForecast.Forecast([Bdc], history, [], Monday, ThreeWeeksHalving);

        Assert.Equal(1, forecast.WeeksObserved);
        Assert.Equal(10, forecast.Find("BDC", 18)!.ArrivalsPerInterval, 12);
    }

    [Fact]
    public void AWeekWithoutAnyHistoryDropsOutWhileAMissingIntervalOnAnObservedDayCountsAsZero()
    {
        // Two weeks back the hall was closed (no records at all); SW had no arrivals at 09:00 three weeks back.
        var history = new[] { Count(Bdc, 1, 18, 10), Count(Bdc, 3, 18, 40), Count(Sw, 1, 18, 8), Count(Bdc, 3, 19, 4) };

        var forecast = DemandForecast.Forecast([Bdc, Sw], history, [], Monday, ThreeWeeksHalving);

        Assert.Equal(2, forecast.WeeksObserved);
        Assert.Equal((10 + (40 * 0.25)) / 1.25, forecast.Find("BDC", 18)!.ArrivalsPerInterval, 12);
        Assert.Equal(8 / 1.25, forecast.Find("SW", 18)!.ArrivalsPerInterval, 12);
        Assert.Equal(4 * 0.25 / 1.25, forecast.Find("BDC", 19)!.ArrivalsPerInterval, 12);
    }

    [Fact]
    public void WithoutHistoryEveryIntervalIsForecastEmptyAtTheExpectedServiceTime()
    {
        var forecast = DemandForecast.Forecast([Bdc, Sw], [], [], Monday);

        Assert.Equal(0, forecast.WeeksObserved);
        Assert.Equal(2 * AnalyticsInterval.PerDay, forecast.Intervals.Count);
        Assert.Equal(["BDC", "SW"], forecast.Intervals.Select(d => d.Theme).Distinct());
        Assert.All(forecast.Intervals, d => Assert.Equal(0, d.ArrivalsPerInterval));
        Assert.All(forecast.Intervals, d => Assert.Equal(HandleTimeSource.Expected, d.HandleSource));
        Assert.Equal(15, forecast.Find("BDC", 20)!.HandleMinutes);
        Assert.Equal(12, forecast.Find("SW", 20)!.HandleMinutes);
    }

    [Fact]
    public void HandleTimeComesFromTheIntervalThenTheThemeThenTheExpectation()
    {
        var samples = new List<ServiceSample>();
        samples.AddRange(new[] { 10.0, 12, 14, 16, 18 }.Select(m => Service(Bdc, 2, 18, m))); // any weekday in the look-back
        samples.AddRange(new[] { 30.0, 40 }.Select(m => Service(Bdc, 1, 26, m)));
        samples.AddRange(Enumerable.Repeat(5.0, 4).Select(m => Service(Sw, 1, 18, m))); // four: too few for SW
        samples.Add(Service(Bdc, 5, 18, 100));                                         // before the look-back

        var forecast = DemandForecast.Forecast([Bdc, Sw], [], samples, Monday, ThreeWeeksHalving);

        Assert.Equal((14.0, HandleTimeSource.Interval), Handle(forecast, "BDC", 18));
        Assert.Equal(((70.0 + 70.0) / 7, HandleTimeSource.Theme), Handle(forecast, "BDC", 26));
        Assert.Equal(((70.0 + 70.0) / 7, HandleTimeSource.Theme), Handle(forecast, "BDC", 30));
        Assert.Equal((12.0, HandleTimeSource.Expected), Handle(forecast, "SW", 18));
    }

    [Fact]
    public void StaffingConvertsArrivalsPerIntervalToPerMinuteAndAppliesErlangC()
    {
        // 24 arrivals in 30 minutes = 0.8 per minute; × 10 minutes = 8 Erlang; the 0.85 cap needs 10 windows.
        var demand = new IntervalDemand("BDC", 18, 24, 10, HandleTimeSource.Interval);

        var requirement = StaffingRequirement.For(demand, 30);

        Assert.Equal(new WindowRequirement("BDC", 18, 10, 8, ErlangC.ServiceLevel(10, 8, 10, 30), 0.8), requirement);
        Assert.Equal(9, StaffingRequirement.For(demand, 30, new StaffingOptions(0.8, 1)).Windows);
    }

    [Fact]
    public void StaffingHoldsEachThemeToItsOwnTargetAndNeedsNoWindowsWithoutDemand()
    {
        var strict = Sw with { TargetMinutes = 0 };
        var history = Enumerable.Range(1, 3).SelectMany(w => new[] { Count(Bdc, w, 18, 24), Count(Sw, w, 18, 24) });
        var samples = Enumerable.Range(0, 5).SelectMany(_ => new[] { Service(Bdc, 1, 18, 10), Service(Sw, 1, 18, 10) });
        var forecast = DemandForecast.Forecast([Bdc, strict], history, samples, Monday, ThreeWeeksHalving);

        var required = StaffingRequirement.Compute(forecast, [Bdc, strict], new StaffingOptions(0.8, 1));

        Assert.Equal(9, required.Single(r => r.Theme == "BDC" && r.IntervalIndex == 18).Windows);
        Assert.Equal(12, required.Single(r => r.Theme == "SW" && r.IntervalIndex == 18).Windows);
        Assert.All(required.Where(r => r.IntervalIndex != 18), r => Assert.Equal(0, r.Windows));
    }

    private static ArrivalCount Count(ThemeConfig theme, int weeksBack, int interval, int count) =>
        new(theme.Code, Monday.AddDays(-7 * weeksBack), interval, count);

    private static ServiceSample Service(ThemeConfig theme, int weeksBack, int interval, double minutes) =>
        new(theme.Code, Monday.AddDays((-7 * weeksBack) + 2), interval, minutes);

    private static (double, HandleTimeSource) Handle(DemandForecastResult forecast, string theme, int interval)
    {
        var demand = forecast.Find(theme, interval)!;
        return (demand.HandleMinutes, demand.HandleSource);
    }
}

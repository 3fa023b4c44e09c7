using Queue.Contracts.Config;
using Queue.Domain.Analytics;

namespace Queue.UnitTests.Analytics;

public sealed class HistoryGeneratorTests
{
    private static readonly DateOnly FirstMonday = new(2025, 1, 6);
    private static readonly HistoryTheme Bdc = new("BDC", 160, 15);
    private static readonly HistoryTheme Sbyb = new("SBYB", 240, 8, 0.35);
    private static readonly HistoryTheme Crj = new("CRJ", 90, 8);

    [Fact]
    public void TheSameSeedGivesTheSameHistoryAndAnotherSeedAnother()
    {
        var first = HistoryGenerator.Generate([Bdc, Sbyb], FirstMonday, 4, 42);
        var second = HistoryGenerator.Generate([Bdc, Sbyb], FirstMonday, 4, 42);
        var other = HistoryGenerator.Generate([Bdc, Sbyb], FirstMonday, 4, 43);

        Assert.Equal(first.Arrivals, second.Arrivals);
        Assert.Equal(first.Services, second.Services);
        Assert.NotEqual(first.Arrivals.Select(a => a.Count), other.Arrivals.Select(a => a.Count));
    }

    [Fact]
    public void AddingAThemeLeavesTheOtherThemesHistoryUnchanged()
    {
        var alone = HistoryGenerator.Generate([Bdc], FirstMonday, 2, 7);
        var together = HistoryGenerator.Generate([Crj, Bdc], FirstMonday, 2, 7);

        Assert.Equal(alone.Arrivals, together.Arrivals.Where(a => a.Theme == "BDC"));
        Assert.Equal(alone.Services, together.Services.Where(s => s.Theme == "BDC"));
    }

    [Fact]
    public void TheHallIsOpenOnWeekdaysFromHalfPastEightToFiveOnly()
    {
        var history = HistoryGenerator.Generate([Bdc, Crj], FirstMonday, 3, 1);

        Assert.Equal(2 * 3 * 5 * 17, history.Arrivals.Count);
        Assert.All(history.Arrivals, a => Assert.InRange(a.IntervalIndex, 17, 33));
        Assert.DoesNotContain(history.Arrivals, a => a.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal(FirstMonday, history.Arrivals.Min(a => a.Date));
        Assert.Equal(FirstMonday.AddDays((3 * 7) - 3), history.Arrivals.Max(a => a.Date));
    }

    [Fact]
    public void MondayIsTheBusiestDayForEveryTheme()
    {
        var history = HistoryGenerator.Generate([Bdc, Sbyb, Crj], FirstMonday, 8, 2025);

        foreach (var theme in new[] { "BDC", "SBYB", "CRJ" })
        {
            var byDay = history.Arrivals.Where(a => a.Theme == theme)
                .GroupBy(a => a.Date.DayOfWeek).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
            Assert.Equal(DayOfWeek.Monday, byDay.MaxBy(d => d.Value).Key);
            Assert.All(byDay.Where(d => d.Key != DayOfWeek.Monday), d => Assert.True(byDay[DayOfWeek.Monday] > 1.1 * d.Value));
        }
    }

    [Fact]
    public void MorningPeaksDipsAtLunchAndBumpsInTheAfternoon()
    {
        var history = HistoryGenerator.Generate([Bdc, Sbyb, Crj], FirstMonday, 8, 2025);

        foreach (var theme in new[] { "BDC", "SBYB", "CRJ" })
        {
            var byInterval = history.Arrivals.Where(a => a.Theme == theme)
                .GroupBy(a => a.IntervalIndex).ToDictionary(g => g.Key, g => g.Average(a => a.Count));
            var morning = Mean(byInterval, 19, 21);   // 09:30–11:00
            var lunch = Mean(byInterval, 24, 26);     // 12:00–13:30
            var afternoon = Mean(byInterval, 28, 30); // 14:00–15:30
            var busiest = byInterval.MaxBy(i => i.Value).Key;

            Assert.InRange(busiest, 19, 21);
            Assert.True(lunch < 0.5 * morning, $"{theme}: lunch {lunch:F1} vs morning {morning:F1}");
            Assert.True(afternoon > 1.5 * lunch, $"{theme}: afternoon {afternoon:F1} vs lunch {lunch:F1}");
            Assert.True(afternoon < morning, $"{theme}: afternoon {afternoon:F1} vs morning {morning:F1}");
        }
    }

    [Fact]
    public void EveryArrivalHasALognormalServiceAroundItsThemesExpectedTime()
    {
        var history = HistoryGenerator.Generate([Bdc, Sbyb], FirstMonday, 8, 99);

        foreach (var theme in new[] { Bdc, Sbyb })
        {
            var arrivals = history.Arrivals.Where(a => a.Theme == theme.Code).ToList();
            var minutes = history.Services.Where(s => s.Theme == theme.Code).Select(s => s.Minutes).Order().ToList();
            Assert.Equal(arrivals.Sum(a => a.Count), minutes.Count);
            Assert.InRange(minutes.Average(), 0.97 * theme.ExpectedServiceMinutes, 1.03 * theme.ExpectedServiceMinutes);

            // The median of a lognormal with mean m and log-spread σ is m·e^(−σ²/2): below the mean.
            var median = minutes[minutes.Count / 2];
            var expectedMedian = theme.ExpectedServiceMinutes * Math.Exp(-theme.ServiceSigma * theme.ServiceSigma / 2);
            Assert.InRange(median, 0.96 * expectedMedian, 1.04 * expectedMedian);
            Assert.All(minutes, m => Assert.True(m > 0));
        }

        foreach (var day in history.Arrivals.GroupBy(a => (a.Theme, a.Date, a.IntervalIndex)))
        {
            Assert.Equal(day.Single().Count, history.Services.Count(s => (s.Theme, s.Date, s.IntervalIndex) == day.Key));
        }
    }

    [Fact]
    public void GeneratedHistoryFeedsAForecastThatStaffsTheMorningPeakAndNothingOutsideOpeningHours()
    {
        var history = HistoryGenerator.Generate([Bdc, Sbyb], FirstMonday, 8, 5);
        ThemeConfig[] themes =
        [
            new("BDC", "不动产登记", "Real estate", "A", "bdc", 30, 15),
            new("SBYB", "社保医保", "Social insurance", "D", "ms", 30, 8),
        ];
        var monday = FirstMonday.AddDays(8 * 7);

        var forecast = DemandForecast.Forecast(themes, history.Arrivals, history.Services, monday);
        var required = StaffingRequirement.Compute(forecast, themes);

        Assert.Equal(8, forecast.WeeksObserved);
        Assert.All(forecast.Intervals.Where(d => d.IntervalIndex is >= 17 and <= 33), d => Assert.Equal(HandleTimeSource.Interval, d.HandleSource));
        Assert.All(required.Where(r => r.IntervalIndex is < 17 or > 33), r => Assert.Equal(0, r.Windows));
        foreach (var theme in new[] { "BDC", "SBYB" })
        {
            var windows = required.Where(r => r.Theme == theme).ToDictionary(r => r.IntervalIndex, r => r.Windows);
            Assert.True(windows[20] > windows[25], $"{theme}: 10:00 needs {windows[20]}, 12:30 needs {windows[25]}");
            Assert.All(required.Where(r => r.Theme == theme && r.Windows > 0), r => Assert.InRange(r.Occupancy, 0.01, 0.85));
        }
    }

    private static double Mean(Dictionary<int, double> byInterval, int first, int last) =>
        Enumerable.Range(first, last - first + 1).Average(i => byInterval[i]);
}

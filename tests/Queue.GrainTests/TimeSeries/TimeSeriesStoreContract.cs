using Queue.Contracts.Analytics;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;
using static Queue.TestSupport.TestEvents;

namespace Queue.GrainTests.TimeSeries;

/// <summary>The contract of <see cref="ITimeSeriesStore"/>, run against each store by a subclass.</summary>
public abstract class TimeSeriesStoreContract
{
    protected abstract ITimeSeriesStore Store { get; }

    [Fact]
    public async Task WritingTheSameEventsAgainCountsEachEventOnce()
    {
        var events = new[]
        {
            Issued("h", 1, "BDC", At(9, 0)), Issued("h", 2, "BDC", At(9, 1)), WindowOpened("h", 3, At(9, 2), 1),
            Called("h", 4, "BDC", At(9, 3), 1, 180), Completed("h", 5, "BDC", At(9, 20), 1, 1000), Rated("h", 6, "BDC", At(9, 21), 1, 5),
        };
        await Store.WriteAsync(events);
        await Store.WriteAsync(events[2..]);
        await Store.WriteAsync(events);

        Assert.Equal([1L, 2, 3, 4, 5, 6], await Store.ReadSequencesAsync("h"));
        Assert.Equal(new HallKpis("h", Day, 2, 1, 1, 0, 180, 180, 1, 1, 1, 0, default), await KpisAsync(Day));
    }

    [Fact]
    public async Task EventsOfTheSameMillisecondAreAllKept()
    {
        await Store.WriteAsync([.. Enumerable.Range(1, 5).Select(i => Issued("h", i, "BDC", At(10, 0)))]);

        Assert.Equal([new ArrivalCount("BDC", Day, 20, 5)], await Store.ReadArrivalsAsync("h", Day, Day, Zone));
        Assert.Equal([1L, 2, 3, 4, 5], await Store.ReadSequencesAsync("h"));
    }

    [Fact]
    public async Task ArrivalsAreCountedPerThemeDateAndHalfHourInTheHallsTimeZone()
    {
        var nextDay = Day.AddDays(1);
        await Store.WriteAsync([
            Issued("h", 1, "BDC", At(8, 40)), Issued("h", 2, "BDC", At(8, 59)), Issued("h", 3, "BDC", At(9, 0)),
            Issued("h", 4, "QYKB", At(23, 50)), Issued("h", 5, "QYKB", At(0, 10, nextDay)), Called("h", 6, "BDC", At(9, 5), 1, 60),
        ]);

        Assert.Equal(
            [new ArrivalCount("BDC", Day, 17, 2), new ArrivalCount("BDC", Day, 18, 1), new ArrivalCount("QYKB", Day, 47, 1), new ArrivalCount("QYKB", nextDay, 0, 1)],
            await Store.ReadArrivalsAsync("h", Day, nextDay, Zone));
        Assert.Equal(4, (await Store.ReadArrivalsAsync("h", Day, Day, Zone)).Sum(a => a.Count));
    }

    [Fact]
    public async Task ServiceSamplesAreDatedByTheIntervalInWhichTheServiceStarted()
    {
        await Store.WriteAsync([Completed("h", 1, "BDC", At(9, 10), 1, 900), Completed("h", 2, "SW", At(11, 0), 2, 480)]);

        Assert.Equal(
            [new ServiceSample("BDC", Day, 17, 15), new ServiceSample("SW", Day, 21, 8)],
            await Store.ReadServiceSamplesAsync("h", Day, Day, Zone));
    }

    [Fact]
    public async Task WaitsAreGroupedByThemeAndHourOfTheDay()
    {
        await Store.WriteAsync([
            Called("h", 1, "BDC", At(9, 5), 1, 600), Called("h", 2, "BDC", At(9, 50), 2, 1200),
            Called("h", 3, "BDC", At(10, 10), 1, 300), Called("h", 4, "SW", At(9, 30), 3, 60),
        ]);

        Assert.Equal(
            [new ThemeHourFigure("BDC", 9, 0, 2, 900, 1200), new ThemeHourFigure("BDC", 10, 0, 1, 300, 300), new ThemeHourFigure("SW", 9, 0, 1, 60, 60)],
            AnalyticsFigures.ByHour("h", Day, [], await Store.ReadDaysAsync("h", Day, Day, Zone), Zone).Cells.AsEnumerable());
    }

    [Fact]
    public async Task OutcomesAndRatingsAreCountedPerThemeAndPerWindow()
    {
        await Store.WriteAsync([
            Completed("h", 1, "BDC", At(9, 0), 1, 600), Completed("h", 2, "BDC", At(9, 30), 1, 600, ServiceOutcome.NotDone),
            Completed("h", 3, "BDC", At(10, 0), 2, 600), Rated("h", 4, "BDC", At(9, 1), 1, 5), Rated("h", 5, "BDC", At(9, 31), 1, 2),
        ]);

        var quality = AnalyticsFigures.Quality("h", Day, Day, await Store.ReadDaysAsync("h", Day, Day, Zone));

        Assert.Equal([new QualityRow("", 1, 2, 1, 1, 2, 3.5, 0.5, 600), new QualityRow("", 2, 1, 1, 0, 0, 0, 0, 600)], quality.ByWindow.AsEnumerable());
        Assert.Equal([new QualityRow("BDC", 0, 3, 2, 1, 2, 3.5, 0.5, 600)], quality.ByTheme.AsEnumerable());
    }

    /// <summary>
    /// Staff performance is read from the journal (the buckets know no staff); per window and theme it must agree with what
    /// the store's buckets say of the same events: services, 没办成, ratings and their averages. The citizen key
    /// (one-trip tracking) is carried through the store's write without changing a count.
    /// </summary>
    [Fact]
    public async Task TheJournalsStaffFiguresAgreeWithTheStoresBucketsPerWindowAndTheme()
    {
        Contracts.Events.HallEvent[] events =
        [
            WindowOpened("h", 1, At(8, 55), 1), WindowOpened("h", 2, At(8, 55), 2) with { StaffId = "s2" },
            Issued("h", 3, "BDC", At(9, 0)) with { CitizenKey = "c1:abc" },
            Completed("h", 4, "BDC", At(9, 10), 1, 600), Completed("h", 5, "BDC", At(9, 30), 1, 900, ServiceOutcome.NotDone),
            Completed("h", 6, "SW", At(10, 0), 2, 300), Rated("h", 7, "BDC", At(9, 11), 1, 5), Rated("h", 8, "BDC", At(9, 31), 1, 2),
        ];
        await Store.WriteAsync(events);
        var hall = TestHalls.Small("h", ["BDC", "SW"], WindowProfile.Dedicated("BDC"), WindowProfile.Dedicated("SW"));

        var quality = AnalyticsFigures.Quality("h", Day, Day, await Store.ReadDaysAsync("h", Day, Day, Zone));
        var staff = StaffPerformance.Report("h", Day, Day, [new StaffPerformance.Day(events, At(18, 0))], hall);

        Assert.Equal(
            quality.ByWindow.Select(q => (q.WindowNo.ToString(System.Globalization.CultureInfo.InvariantCulture), q.Completed, q.NotDone, q.Rated, q.AverageServiceSeconds)),
            staff.Windows.Select(w => (w.Key, (long)w.Served, (long)w.NotDone, (long)w.Ratings, w.AverageHandleSeconds)));
        Assert.Equal(
            quality.ByTheme.Select(q => (q.Theme, q.Completed, q.NotDone, q.Rated, q.Rated == 0 ? (double?)null : q.AverageRating)),
            staff.Themes.Select(t => (t.Key, (long)t.Served, (long)t.NotDone, (long)t.Ratings, t.AverageRating)));
        // These ratings name no staff (as before ratings carried it): they count for a row of their own, "".
        Assert.Equal([("", 0, 2), ("s1", 2, 0), ("s2", 1, 0)], staff.People.Select(p => (p.Key, p.Served, p.Ratings)));
    }

    [Fact]
    public async Task DailyKpisSummarizeEachDay()
    {
        var nextDay = Day.AddDays(1);
        await Store.WriteAsync([
            Issued("h", 1, "BDC", At(9, 0)), Issued("h", 2, "BDC", At(9, 1)), Issued("h", 3, "SW", At(9, 2)), Issued("h", 4, "SW", At(9, 3)),
            Called("h", 5, "BDC", At(9, 10), 1, 600), Called("h", 6, "BDC", At(9, 21), 2, 1200), Called("h", 7, "SW", At(9, 42), 3, 2400),
            Completed("h", 8, "BDC", At(9, 30), 1, 1200), Rated("h", 9, "BDC", At(9, 31), 1, 5), Rated("h", 10, "BDC", At(9, 40), 2, 4),
            Rated("h", 11, "SW", At(10, 0), 3, 1), Issued("h", 12, "BDC", At(8, 45, nextDay)),
        ]);

        var first = await KpisAsync(Day);

        Assert.Equal((Day, 4L, 3L, 1L, 1400.0, 2400.0), (first.Date, first.Issued, first.Called, first.Completed, first.AverageWaitSeconds, first.MaxWaitSeconds));
        Assert.Equal(2.0 / 3, first.OnTimeShare, 12);
        Assert.Equal(2.0 / 3, first.SatisfiedShare, 12);
        Assert.Equal(new HallKpis("h", nextDay, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, default), await KpisAsync(nextDay));
    }

    [Fact]
    public async Task SyntheticHistoryIsKeptApartFromLiveEventsButCountedWithThem()
    {
        await Store.WriteAsync([Issued("h", 1, "BDC", At(9, 0)), Issued("h", 2, "BDC", At(9, 0))]);
        await Store.WriteAsync([Issued("h", 1, "BDC", At(9, 0)), Issued("h", 2, "BDC", At(9, 0)), Issued("h", 3, "BDC", At(9, 0))], TimeSeriesSource.Synthetic);

        Assert.Equal([1L, 2], await Store.ReadSequencesAsync("h"));
        Assert.Equal([1L, 2, 3], await Store.ReadSequencesAsync("h", TimeSeriesSource.Synthetic));
        Assert.Equal([new ArrivalCount("BDC", Day, 18, 5)], await Store.ReadArrivalsAsync("h", Day, Day, Zone));
    }

    [Fact]
    public async Task HallsAreKeptApart()
    {
        await Store.WriteAsync([Issued("a", 1, "BDC", At(9, 0)), Issued("b", 1, "BDC", At(9, 0)), Issued("b", 2, "BDC", At(9, 0))]);

        Assert.Equal([new ArrivalCount("BDC", Day, 18, 1)], await Store.ReadArrivalsAsync("a", Day, Day, Zone));
        Assert.Equal([new ArrivalCount("BDC", Day, 18, 2)], await Store.ReadArrivalsAsync("b", Day, Day, Zone));
        Assert.Empty(await Store.ReadArrivalsAsync("c", Day, Day, Zone));
    }

    /// <summary>A day's tiles as the analytics grain computes them, with nothing waiting now.</summary>
    private async Task<HallKpis> KpisAsync(DateOnly day) =>
        AnalyticsFigures.Kpis("h", day, await Store.ReadDaysAsync("h", day, day, Zone), 0, 0, default);
}

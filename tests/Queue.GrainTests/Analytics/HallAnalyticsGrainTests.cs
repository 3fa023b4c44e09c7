using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;
using static Queue.TestSupport.TestEvents;

namespace Queue.GrainTests.Analytics;

/// <summary>
/// The analytics grain on real stores: the cluster's own SQLite time series, seeded with known events of a past day
/// (as demo history, so they never meet the live sequences the relay writes), and the hall's real journal for the
/// 没办成 list.
/// </summary>
[Collection(QueueClusterCollection.Name)]
public sealed class HallAnalyticsGrainTests(QueueClusterFixture cluster)
{
    private SqliteTimeSeriesStore Store() => new(Path.Combine(Path.GetDirectoryName(cluster.DataPath)!, "timeseries.db"));

    private async Task<string> Hall(string name)
    {
        var hallId = $"{name}-{Guid.NewGuid().ToString("N")[..6]}";
        await cluster.Grains.GetGrain<IHallGrain>(hallId).ConfigureAsync(TestHalls.Small(hallId, ["AA", "BB"], WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB")));
        return hallId;
    }

    [Fact]
    public async Task TheKpisOfADayAreCountedFromItsEvents()
    {
        var hall = await Hall("kpi");
        using var store = Store();
        await store.WriteAsync(
        [
            Issued(hall, 1, "AA", At(9, 0)), Issued(hall, 2, "AA", At(9, 1)), Issued(hall, 3, "BB", At(9, 2)),
            Called(hall, 4, "AA", At(9, 1), 1, 60), Called(hall, 5, "BB", At(9, 5), 2, 180),
            Completed(hall, 6, "AA", At(9, 11), 1, 600), Rated(hall, 7, "AA", At(9, 12), 1, 5), Rated(hall, 8, "BB", At(9, 20), 2, 2),
        ], TimeSeriesSource.Synthetic);

        var kpis = await cluster.Grains.GetGrain<IHallAnalyticsGrain>(hall).GetKpisAsync(Day);

        Assert.Equal((Day, 3L, 2L, 1L, 0), (kpis.Date, kpis.Issued, kpis.Called, kpis.Completed, kpis.WaitingNow));
        Assert.Equal((120.0, 180.0, 1.0), (kpis.AverageWaitSeconds, kpis.MaxWaitSeconds, kpis.OnTimeShare));
        Assert.Equal((2L, 0.5), (kpis.Rated, kpis.SatisfiedShare));
    }

    [Fact]
    public async Task WaitsAndQualityAreSplitByThemeHourAndWindow()
    {
        var hall = await Hall("quality");
        using var store = Store();
        await store.WriteAsync(
        [
            Issued(hall, 1, "AA", At(9, 0)), Issued(hall, 2, "AA", At(10, 0)),
            Called(hall, 3, "AA", At(9, 10), 1, 600), Called(hall, 4, "AA", At(10, 40), 1, 2400),
            Completed(hall, 5, "AA", At(9, 20), 1, 300), Completed(hall, 6, "AA", At(10, 50), 1, 500, ServiceOutcome.NotDone),
            Rated(hall, 7, "AA", At(9, 21), 1, 4),
        ], TimeSeriesSource.Synthetic);
        var analytics = cluster.Grains.GetGrain<IHallAnalyticsGrain>(hall);

        var day = await analytics.GetDayByHourAsync(Day);
        var quality = await analytics.GetQualityAsync(Day, Day);

        Assert.Equal(["AA", "BB"], day.Themes.ToArray());
        Assert.Equal([("AA", 9, 1L, 1L, 600.0), ("AA", 10, 1L, 1L, 2400.0)], day.Cells.Select(c => (c.Theme, c.Hour, c.Issued, c.Called, c.AverageWaitSeconds)));
        var row = Assert.Single(quality.ByWindow);
        Assert.Equal((1, 2L, 1L, 1L, 1L, 4.0, 1.0, 400.0), (row.WindowNo, row.Completed, row.Done, row.NotDone, row.Rated, row.AverageRating, row.SatisfiedShare, row.AverageServiceSeconds));
        Assert.Equal(("AA", 2L), (Assert.Single(quality.ByTheme).Theme, quality.Total.Completed));
    }

    [Fact]
    public async Task TheWaitingCurveCumulatesIssuedMinusCalledPerQuarterHour()
    {
        var hall = await Hall("curve");
        using var store = Store();
        await store.WriteAsync(
            [Issued(hall, 1, "AA", At(9, 0)), Issued(hall, 2, "AA", At(9, 5)), Issued(hall, 3, "BB", At(9, 10)), Called(hall, 4, "AA", At(9, 40), 1, 60)],
            TimeSeriesSource.Synthetic);

        var curve = await cluster.Grains.GetGrain<IHallAnalyticsGrain>(hall).GetWaitingCurveAsync(Day);

        Assert.Equal([(new TimeOnly(9, 0), 3L), (new TimeOnly(9, 15), 3L), (new TimeOnly(9, 30), 2L)], curve.Points.Select(p => (p.Start, p.Waiting)));
    }

    [Fact]
    public async Task AServiceNotDoneIsListedWithItsNumberAndReasonFromTheJournal()
    {
        var hall = await Hall("notdone");
        var ticket = await cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hall, "AA")).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        var window = cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hall, 1));
        await window.SignInAsync(new SignIn("s7", "李四"));
        await window.CallNextAsync();
        await window.StartServiceAsync();
        await window.CompleteAsync(new CompleteService(ServiceOutcome.NotDone, "缺少身份证原件"));

        var report = await cluster.Grains.GetGrain<IHallAnalyticsGrain>(hall).GetNotDoneAsync(BusinessClock.Day(cluster.Clock.GetUtcNow(), "Asia/Shanghai"));

        var listed = Assert.Single(report.Tickets);
        Assert.Equal((ticket.DisplayNumber, "AA", 1, "缺少身份证原件"), (listed.DisplayNumber, listed.Theme, listed.WindowNo, listed.Reason));
    }

    [Fact]
    public async Task AnUnknownHallIsRefusedAsNotFound()
    {
        var refused = await Assert.ThrowsAsync<QueueRuleException>(() => cluster.Grains.GetGrain<IHallAnalyticsGrain>("no-such-hall-x").GetKpisAsync(null));

        Assert.Equal((ProblemKind.NotFound, "hall-not-found"), (refused.Kind, refused.Code));
    }
}

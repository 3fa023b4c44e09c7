using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Queue.Domain;
using Queue.Contracts.Model;
using Queue.Hosting;
using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;

namespace Queue.GrainTests.TimeSeries;

public sealed class SyntheticHistoryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task TheDemoHallGetsWeeksOfSyntheticHistoryOnceAndMarkedAsSynthetic()
    {
        using var store = new SqliteTimeSeriesStore(_directory.File("timeseries.db"));
        var seeder = new SyntheticHistorySeeder(
            store,
            new SqliteRelayCursorStore(_directory.File("queue.db")),
            Options.Create(new TimeSeriesOptions { HistoryWeeks = 2, SimulateHistory = false }),
            Options.Create(new QueueSiloOptions()),
            new FakeTimeProvider(QueueClusterFixture.Start),
            NullLogger<SyntheticHistorySeeder>.Instance);

        var written = await seeder.SeedAsync();

        Assert.True(written > 2000, $"{written} events");
        Assert.Equal(written, (await store.ReadSequencesAsync("binjiang", TimeSeriesSource.Synthetic)).Count);
        Assert.Empty(await store.ReadSequencesAsync("binjiang"));
        Assert.Equal(0, await seeder.SeedAsync());

        var today = new DateOnly(2026, 11, 24);
        var arrivals = await store.ReadArrivalsAsync("binjiang", today.AddDays(-14), today, TestEvents.Zone);
        Assert.Equal(10, arrivals.Select(a => a.Date).Distinct().Count());
        Assert.Equal(8, arrivals.Select(a => a.Theme).Distinct().Count());
        Assert.All(arrivals, a => Assert.InRange(a.IntervalIndex, 17, 33));
        var kpis = (await store.ReadDaysAsync("binjiang", today.AddDays(-14), today, TestEvents.Zone))
            .GroupBy(b => BusinessClock.Day(b.Start, TestEvents.Zone))
            .Select(g => AnalyticsFigures.Kpis("binjiang", g.Key, g, 0, 0, default))
            .ToList();
        Assert.Equal(arrivals.Sum(a => a.Count), kpis.Sum(k => k.Issued));
        Assert.All(kpis, k => Assert.InRange(k.OnTimeShare, 0.5, 1));
        Assert.True(arrivals.Where(a => a.Date.DayOfWeek == DayOfWeek.Monday).Sum(a => a.Count) >
                    arrivals.Where(a => a.Date.DayOfWeek == DayOfWeek.Friday).Sum(a => a.Count));
    }

    [Fact]
    public void SyntheticHistoryIsTheSameForTheSameSeedAndEachTicketIsIssuedCalledAndCompleted()
    {
        var hall = DemoHall.Load();
        var first = SyntheticHistory.Build(hall, new DateOnly(2026, 3, 2), 1, 7);

        Assert.Equal(first, SyntheticHistory.Build(hall, new DateOnly(2026, 3, 2), 1, 7));
        Assert.Equal(Enumerable.Range(1, first.Count).Select(i => (long)i), first.Select(e => e.Sequence));
        var issued = first.Count(e => e.Kind == HallEventKind.TicketIssued);
        Assert.Equal(issued, first.Count(e => e.Kind == HallEventKind.TicketCalled));
        Assert.Equal(issued, first.Count(e => e.Kind == HallEventKind.ServiceCompleted));
        Assert.All(first.Where(e => e.Kind == HallEventKind.TicketCalled), e => Assert.True(hall.FindWindow(e.WindowNo!.Value)!.Profile.Serves(e.ThemeCode!)));
    }

    [Fact]
    public void TheStoreSettingChoosesInfluxOrTheEmbeddedFileBesideTheGrainState()
    {
        var silo = new QueueSiloOptions { DataPath = _directory.File("queue.db") };
        using var influx = (InfluxTimeSeriesStore)TimeSeriesHosting.Create(new TimeSeriesOptions { Store = TimeSeriesStoreKind.Influx, Database = "hall_ts" }, silo);
        Assert.Equal("influx:hall_ts", influx.Name);

        using var embedded = (SqliteTimeSeriesStore)TimeSeriesHosting.Create(new TimeSeriesOptions(), silo);
        Assert.Equal("embedded", embedded.Name);
        Assert.True(File.Exists(_directory.File("timeseries.db")));
    }
}

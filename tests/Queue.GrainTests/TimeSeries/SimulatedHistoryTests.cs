using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Engine.TimeSeries;
using Queue.Hosting;

namespace Queue.GrainTests.TimeSeries;

/// <summary>The demo's history simulated day by day: waits come from windows really coming free.</summary>
public sealed class SimulatedHistoryTests
{
    private static readonly HallConfig Hall = DemoHall.Load();

    private static readonly IReadOnlyList<HallEvent> Week = SimulatedHistory.Build(Hall, new DateOnly(2026, 3, 2), 1, 7);

    [Fact]
    public void TheSameSeedGivesTheSameHistoryAndEveryTicketIsIssuedCalledAndCompletedAtAWindowServingIt()
    {
        Assert.Equal(Week, SimulatedHistory.Build(Hall, new DateOnly(2026, 3, 2), 1, 7));
        Assert.Equal(Enumerable.Range(1, Week.Count).Select(i => (long)i), Week.Select(e => e.Sequence));
        var issued = Week.Count(e => e.Kind == HallEventKind.TicketIssued);
        Assert.True(issued > 2000, $"{issued} tickets in a week");
        Assert.Equal(issued, Week.Count(e => e.Kind == HallEventKind.TicketCalled));
        Assert.Equal(issued, Week.Count(e => e.Kind == HallEventKind.ServiceCompleted));
        Assert.All(Week.Where(e => e.Kind == HallEventKind.TicketCalled), e => Assert.True(Hall.FindWindow(e.WindowNo!.Value)!.Profile.Serves(e.ThemeCode!)));
    }

    [Fact]
    public void AWindowServesOneCitizenAtATimeAndNobodyIsCalledBeforeTheyCame()
    {
        var issuedAt = Week.Where(e => e.Kind == HallEventKind.TicketIssued).ToDictionary(e => e.TicketId!, e => e.At);
        var calls = Week.Where(e => e.Kind == HallEventKind.TicketCalled).ToDictionary(e => e.TicketId!);
        Assert.All(calls.Values, c => Assert.True(c.At >= issuedAt[c.TicketId!] && Math.Abs((c.At - issuedAt[c.TicketId!]).TotalSeconds - c.WaitSeconds!.Value) <= 1));
        foreach (var window in Week.Where(e => e.Kind == HallEventKind.ServiceCompleted).GroupBy(e => e.WindowNo))
        {
            var services = window.Select(e => (From: calls[e.TicketId!].At, To: e.At)).OrderBy(s => s.From).ToList();
            for (var i = 1; i < services.Count; i++)
            {
                Assert.True(services[i].From >= services[i - 1].To.AddSeconds(-1), $"window {window.Key} called again before its citizen was done");
            }
        }
    }

    [Fact]
    public async Task TheSeederWritesSimulatedHistoryByDefault()
    {
        using var directory = new TempDirectory();
        using var store = new SqliteTimeSeriesStore(directory.File("timeseries.db"));
        var seeder = new SyntheticHistorySeeder(
            store,
            new SqliteRelayCursorStore(directory.File("queue.db")),
            Options.Create(new TimeSeriesOptions { HistoryWeeks = 1 }),
            Options.Create(new QueueSiloOptions()),
            new FakeTimeProvider(QueueClusterFixture.Start),
            NullLogger<SyntheticHistorySeeder>.Instance);

        var written = await seeder.SeedAsync();

        var today = BusinessClock.Day(QueueClusterFixture.Start, Hall.TimeZone);
        var expected = SimulatedHistory.Build(Hall, today.AddDays(-7), 1, new TimeSeriesOptions().HistorySeed);
        Assert.Equal(expected.Count, written);
        Assert.Equal(written, (await store.ReadSequencesAsync("binjiang", TimeSeriesSource.Synthetic)).Count);
    }

    [Fact]
    public void TheBusyMondayBacksUpMoreThanTheQuietFriday()
    {
        var zone = BusinessClock.Zone(Hall.TimeZone);
        var waits = Week.Where(e => e.Kind == HallEventKind.TicketCalled)
            .GroupBy(e => BusinessClock.Day(e.At, zone).DayOfWeek)
            .ToDictionary(g => g.Key, g => g.Average(e => e.WaitSeconds!.Value));

        Assert.Equal(5, waits.Count);
        Assert.True(waits[DayOfWeek.Monday] > waits[DayOfWeek.Friday], $"Monday {waits[DayOfWeek.Monday] / 60:0.0} min, Friday {waits[DayOfWeek.Friday] / 60:0.0} min");
    }
}

using System.Collections.Immutable;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;

namespace Queue.GrainTests.Engine;

/// <summary>
/// Each zone's tickets expire at the end of its last period of the day, not at a lunch break, and the 24-hour zone's stay;
/// the hall's day close follows. Its own cluster, because it moves the clock (it starts Tuesday 2026-11-24 10:00 in Shanghai).
/// </summary>
public sealed class ZoneDayCloseTests : IAsyncLifetime
{
    private const string HallId = "zone-close";
    private readonly QueueClusterFixture _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task AZoneClosingAtElevenExpiresItsLineAtElevenTheLunchBreakExpiresNothingAndTheTwentyFourHourZoneKeepsItsTickets()
    {
        var hall = _cluster.Grains.GetGrain<IHallGrain>(HallId);
        await hall.ConfigureAsync(Hall());
        foreach (var (theme, count) in new[] { ("BDC", 2), ("SW", 3), ("ZZ", 1) })
        {
            for (var i = 0; i < count; i++)
            {
                await Theme(theme).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
            }
        }

        _cluster.Clock.Advance(TimeSpan.FromMinutes(61)); // 11:01: "early" has closed for the day
        Assert.Equal(3, await hall.CloseDayIfDueAsync());
        Assert.Equal(0, (await Theme("SW").GetStatsAsync()).Waiting);
        Assert.Equal(2, (await Theme("BDC").GetStatsAsync()).Waiting);
        Assert.Equal(0, await hall.CloseDayIfDueAsync()); // once a day

        _cluster.Clock.Advance(TimeSpan.FromMinutes(90)); // 12:31: main's lunch break, it reopens at 13:00
        Assert.Equal(0, await hall.CloseDayIfDueAsync());
        Assert.Equal(2, (await Theme("BDC").GetStatsAsync()).Waiting);

        _cluster.Clock.Advance(TimeSpan.FromMinutes(270)); // 17:01: main has closed
        Assert.Equal(2, await hall.CloseDayIfDueAsync());
        Assert.Equal(0, (await Theme("BDC").GetStatsAsync()).Waiting);
        Assert.Equal(1, (await Theme("ZZ").GetStatsAsync()).Waiting); // the 24-hour zone serves on

        var expired = (await hall.GetEventsAsync(0, 500)).Where(e => e.Kind == HallEventKind.TicketExpired).ToList();
        Assert.Equal(3, expired.Count(e => e.ThemeCode == "SW" && e.At == QueueClusterFixture.Start.AddMinutes(61)));
        Assert.Equal(2, expired.Count(e => e.ThemeCode == "BDC" && e.At == QueueClusterFixture.Start.AddMinutes(421)));
    }

    private IThemeQueueGrain Theme(string code) => _cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(HallId, code));

    private static HallConfig Hall()
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        return new HallConfig(
            HallId, "分区闭厅", "Zone closing", HallConfig.DefaultTimeZone, new TimeOnly(8, 30), new TimeOnly(17, 0),
            [new ZoneConfig("main", "综合区", "Main"), new ZoneConfig("early", "上午区", "Mornings"), new ZoneConfig("self", "自助区", "Self-service")],
            [
                new ThemeConfig("BDC", "不动产登记", "Real estate", "A", "main", 30, 10),
                new ThemeConfig("SW", "税务", "Taxation", "B", "early", 30, 10),
                new ThemeConfig("ZZ", "自助", "Self-service", "C", "self", 30, 5),
            ],
            [new WindowConfig(1, "main", WindowProfile.Dedicated("BDC")), new WindowConfig(2, "early", WindowProfile.Dedicated("SW")), new WindowConfig(3, "self", WindowProfile.Dedicated("ZZ"))],
            RoutingPolicy.Default,
            true,
            new HallCalendar(
                [.. weekdays.SelectMany(d => new[] { Period(d, 8, 30, 12, 0), Period(d, 13, 0, 17, 0) })],
                [
                    new ZoneCalendar("early", [.. weekdays.Select(d => Period(d, 8, 30, 11, 0))]),
                    new ZoneCalendar("self", [.. Enum.GetValues<DayOfWeek>().Select(d => Period(d, 0, 0, 0, 0))], IgnoresHolidays: true),
                ],
                ImmutableArray<ClosedDate>.Empty,
                ImmutableArray<WorkingDate>.Empty));
    }

    private static OpeningPeriod Period(DayOfWeek day, int openHour, int openMinute, int closeHour, int closeMinute) =>
        new(day, new TimeOnly(openHour, openMinute), new TimeOnly(closeHour, closeMinute));
}

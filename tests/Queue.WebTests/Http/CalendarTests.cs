using System.Net;
using System.Text.Json;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Dashboard.Api;
using Queue.Domain;

namespace Queue.WebTests.Http;

/// <summary>
/// A hall's calendar through the API: stored with the configuration, read back, enforced on issuing (409 saying
/// when it opens next) and reported by /opening. The halls' closed days are put around today, so that the test
/// holds at any hour of any day.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class CalendarTests(QueueWebFactory web)
{
    [Fact]
    public async Task AHallClosedTodayRefusesTicketsSayingWhenItOpensAndItsSelfServiceZoneIssues()
    {
        var api = new QueueApi(web.CreateClient());
        var hallId = QueueApi.NewHallId();
        var today = BusinessClock.Day(DateTimeOffset.UtcNow, HallConfig.DefaultTimeZone);
        var allDay = Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, new TimeOnly(0, 0), new TimeOnly(0, 0))).ToList();
        var small = TestHalls.Small(hallId, QueueApi.Themes, WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB"));
        var config = small with
        {
            EnforceOpeningHours = true,
            Zones = [.. small.Zones, new ZoneConfig("self", "自助区", "Self-service")],
            Themes = [small.Themes[0], small.Themes[1] with { ZoneId = "self", IssueCutoffMinutes = 0 }],
            Windows = [small.Windows[0], small.Windows[1] with { ZoneId = "self" }],
            Calendar = new HallCalendar(
                [.. allDay],
                [new ZoneCalendar("self", [.. allDay], IgnoresHolidays: true)],
                [.. Enumerable.Range(-1, 4).Select(i => new ClosedDate(today.AddDays(i), "测试闭厅"))],
                [],
                UseDefaultHolidays: false),
        };
        var stored = await QueueApi.Checked<HallConfig>(api.Put($"/api/halls/{hallId}", config), HttpStatusCode.OK);
        Assert.Equal(4, stored.Calendar!.Closed.Length);

        var read = await QueueApi.Checked<HallConfig>(api.Get($"/api/halls/{hallId}"), HttpStatusCode.OK);
        Assert.Equal(7, read.Calendar!.Week.Length);
        Assert.True(Assert.Single(read.Calendar.Zones).IgnoresHolidays);

        using var refused = await api.Post($"/api/halls/{hallId}/themes/AA/tickets", new { channel = "Kiosk", priority = "Normal" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("hall-closed", problem.RootElement.GetProperty("code").GetString());
        var opensAgain = today.AddDays(3);
        var zhDay = new[] { "周日", "周一", "周二", "周三", "周四", "周五", "周六" }[(int)opensAgain.DayOfWeek];
        Assert.Equal($"本厅已下班，下次办理时间：{zhDay} 00:00", problem.RootElement.GetProperty("messageZh").GetString());
        Assert.StartsWith("Closed; next opening: ", problem.RootElement.GetProperty("messageEn").GetString(), StringComparison.Ordinal);

        var selfService = await api.Issue(hallId, "BB");
        Assert.Equal("B001", selfService.DisplayNumber);

        var opening = await QueueApi.Checked<HallOpening>(api.Get($"/api/halls/{hallId}/opening"), HttpStatusCode.OK);
        Assert.True(opening.Enforced);
        Assert.True(opening.Issuing);
        var aa = Assert.Single(opening.Themes, t => t.ThemeCode == "AA");
        Assert.False(aa.Issuing);
        Assert.Equal(problem.RootElement.GetProperty("messageZh").GetString(), aa.MessageZh);
        Assert.NotNull(aa.NextOpening);
        Assert.True(Assert.Single(opening.Themes, t => t.ThemeCode == "BB").Issuing);
    }

    [Fact]
    public async Task AHallWithoutEnforcedHoursIsAlwaysOpenAndAStoredConfigurationWithoutACalendarStillLoads()
    {
        var api = new QueueApi(web.CreateClient());
        var hallId = await api.NewHall();
        var read = await QueueApi.Checked<HallConfig>(api.Get($"/api/halls/{hallId}"), HttpStatusCode.OK);
        Assert.Null(read.Calendar);
        var opening = await QueueApi.Checked<HallOpening>(api.Get($"/api/halls/{hallId}/opening"), HttpStatusCode.OK);
        Assert.False(opening.Enforced);
        Assert.All(opening.Themes, t => Assert.True(t.Issuing));
        var demo = await QueueApi.Checked<HallConfig>(api.Get("/api/halls/binjiang"), HttpStatusCode.OK);
        Assert.NotNull(demo.Calendar); // the demo's calendar is kept; the test host only turns its enforcement off
        Assert.False(demo.EnforceOpeningHours);
    }
}

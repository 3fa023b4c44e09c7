using System.Net;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.WebTests.Http;

/// <summary>
/// The tidal advice through the API follows the hall calendar: a day the hall does not open gets an empty plan with a
/// zh/en note (not checked by simulation, nothing to apply a switch for), and the advice chart says so instead of failing.
/// The closed days are put around today, so that the test holds on any day.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class CalendarAdviceTests(QueueWebFactory web)
{
    [Fact]
    public async Task AClosedDayGetsAnEmptyPlanWithItsNoteAndTheAdviceChartSaysSo()
    {
        var api = new QueueApi(web.CreateClient());
        var hallId = QueueApi.NewHallId();
        var today = BusinessClock.Day(DateTimeOffset.UtcNow, HallConfig.DefaultTimeZone);
        var small = TestHalls.Small(hallId, QueueApi.Themes, WindowProfile.Dedicated("AA"), new WindowProfile(WindowProfileKind.Ordered, ["AA", "BB"]));
        var config = small with
        {
            EnforceOpeningHours = true,
            Windows = [small.Windows[0], small.Windows[1] with { Tidal = true }],
            Calendar = new HallCalendar(
                [.. Enum.GetValues<DayOfWeek>().SelectMany(d => new[]
                {
                    new OpeningPeriod(d, new TimeOnly(8, 30), new TimeOnly(12, 0)),
                    new OpeningPeriod(d, new TimeOnly(13, 0), new TimeOnly(17, 0)),
                })],
                [],
                [.. Enumerable.Range(0, 3).Select(i => new ClosedDate(today.AddDays(i), "内部盘点"))],
                [],
                UseDefaultHolidays: false),
        };
        await QueueApi.Checked<HallConfig>(api.Put($"/api/halls/{hallId}", config), HttpStatusCode.OK);
        var tomorrow = today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var advice = await QueueApi.Checked<TidalAdvice>(api.Post($"/api/halls/{hallId}/advice/{tomorrow}/compute"), HttpStatusCode.OK);

        Assert.Empty(advice.Intervals);
        Assert.Empty(advice.Coverage);
        Assert.Null(advice.Check);
        Assert.Equal($"{tomorrow}内部盘点闭厅，无需排班", advice.NoteZh);
        Assert.Equal($"The hall is closed on {tomorrow} (内部盘点): nothing to plan", advice.NoteEn);
        using var chart = await api.Get($"/charts/{hallId}/advice.svg?date={tomorrow}&lang=en");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Contains("nothing to plan", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var waits = await api.Get($"/charts/{hallId}/waits.svg?date={tomorrow}&lang=en");
        Assert.Equal(HttpStatusCode.OK, waits.StatusCode);
        Assert.Contains("(closed)", await waits.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The day after the closed days plans its open half hours only: 08:30–12:00 and 13:00–17:00, not the lunch break.
        var open = today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var plan = await QueueApi.Checked<TidalAdvice>(api.Post($"/api/halls/{hallId}/advice/{open}/compute"), HttpStatusCode.OK);
        Assert.Null(plan.NoteZh);
        Assert.Equal(string.Join(",", [.. Enumerable.Range(17, 7), .. Enumerable.Range(26, 8)]), string.Join(",", plan.Intervals));
    }
}

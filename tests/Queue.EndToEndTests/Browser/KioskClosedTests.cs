using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The kiosk of a hall its calendar closes: the closed notice with the next opening instead of the theme buttons,
/// at the landscape screen's size in both languages; and with a 24-hour zone open, only that zone's buttons issue.
/// The closed days are put around today, so that the test holds at any hour.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KioskClosedTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh", "本厅已下班 · 暂停取号", "本厅已下班，下次办理时间：")]
    [InlineData("en", "Closed · no tickets now", "Closed; next opening: ")]
    public async Task AClosedHallsKioskSaysWhenItOpensNextInsteadOfItsButtons(string lang, string title, string next)
    {
        var hallId = $"closed-{lang}-{Guid.NewGuid().ToString("N")[..6]}";
        await fixture.Api.PutAsync($"/api/halls/{hallId}", Hall(hallId, selfService: false));
        var kiosk = await fixture.OpenAsync($"/kiosk/{hallId}?lang={lang}", 1920, 1080);
        await Expect(kiosk.Locator("#closed")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(kiosk.Locator(".closed-title")).ToHaveTextAsync(title);
        await Expect(kiosk.Locator("#closed-next")).ToContainTextAsync(next);
        await Expect(kiosk.Locator("#zones")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(kiosk, $"kiosk-closed-1920x1080-{lang}");
        Assert.True(await kiosk.EvaluateAsync<int>(KioskLayoutTests.HorizontalOverflow) <= 0, "the closed notice is wider than the screen");
        await kiosk.Context.CloseAsync();
    }

    [Fact]
    public async Task WithTheSelfServiceZoneOpenOnlyItsThemeIssuesAndTheOtherSaysWhy()
    {
        var hallId = $"selfservice-{Guid.NewGuid().ToString("N")[..6]}";
        await fixture.Api.PutAsync($"/api/halls/{hallId}", Hall(hallId, selfService: true));
        var kiosk = await fixture.OpenAsync($"/kiosk/{hallId}?lang=zh", 1920, 1080);
        var closed = kiosk.Locator("button.theme[data-theme='AA']");
        await Expect(closed).ToBeDisabledAsync(new() { Timeout = 5_000 });
        await Expect(closed.Locator(".theme-facts")).ToContainTextAsync("本厅已下班，下次办理时间：");
        await Expect(kiosk.Locator("#closed")).ToBeHiddenAsync();
        await kiosk.Locator("button.theme[data-theme='BB']").ClickAsync();
        await Expect(kiosk.Locator("#slip-number")).ToHaveTextAsync("B001", new() { Timeout = 5_000 });
        await kiosk.Context.CloseAsync();
    }

    private static HallConfig Hall(string hallId, bool selfService)
    {
        var today = BusinessClock.Day(DateTimeOffset.UtcNow, HallConfig.DefaultTimeZone);
        List<OpeningPeriod> allDay = [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, new TimeOnly(0, 0), new TimeOnly(0, 0)))];
        var small = TestHalls.Small(hallId, ["AA", "BB"], WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB"));
        return small with
        {
            EnforceOpeningHours = true,
            Zones = [.. small.Zones, new ZoneConfig("self", "24小时自助区", "24-hour self-service")],
            Themes = [small.Themes[0], small.Themes[1] with { ZoneId = "self", IssueCutoffMinutes = 0 }],
            Windows = [small.Windows[0], small.Windows[1] with { ZoneId = "self" }],
            Calendar = new HallCalendar(
                [.. allDay],
                selfService ? [new ZoneCalendar("self", [.. allDay], IgnoresHolidays: true)] : [],
                [.. Enumerable.Range(-1, 4).Select(i => new ClosedDate(today.AddDays(i), "测试闭厅"))],
                [],
                UseDefaultHolidays: false),
        };
    }
}

using System.Text.Json;
using Queue.Contracts.Model;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The big screen's line on today's appointments (issue 13 §8), on a hall of its own with one booking today: the footer
/// takes turns between the motto and the line, in zh and en, and never grows past the 1080p wall.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenBookingsLineTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh", "今日预约 1 · 按时签到 0 · 迟到 0 · 未到 0")]
    [InlineData("en", "Bookings today 1 · on time 0 · late 0 · missed 0")]
    public async Task TheFooterTakesTurnsBetweenTheMottoAndTodaysBookings(string lang, string expected)
    {
        var hallId = "screenbook-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Api.ConfigureHallAsync(hallId, TestHalls.Small(hallId, ["AA"], WindowProfile.Dedicated("AA")));
        var calendar = await fixture.Api.GetAsync($"/api/halls/{hallId}/booking/slots?theme=AA");
        // The hall keeps no hours, so today offers slots until its last half hour; a booking there is today's.
        var today = calendar.GetProperty("themes")[0].GetProperty("days")[0].GetProperty("slots").EnumerateArray()
            .First(s => s.GetProperty("capacity").GetInt32() > s.GetProperty("booked").GetInt32());
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/bookings",
            new { theme = "AA", slotStart = today.GetProperty("start").GetDateTimeOffset(), phone = "13900139000", name = "赵六" });
        var figures = await fixture.Api.GetAsync($"/api/halls/{hallId}/booking/today");
        Assert.Equal(1, figures.GetProperty("booked").GetInt32());

        var screen = await fixture.OpenAsync($"/screen/{hallId}?lang={lang}", 1920, 1080);
        var line = screen.Locator("#bookings-line");
        await Expect(line).ToHaveTextAsync(expected, new() { Timeout = 15_000 });
        await Expect(line).ToBeVisibleAsync(new() { Timeout = 25_000 }); // its turn comes within 10 s
        await Expect(screen.Locator(".screen-foot [data-i18n='motto']")).ToBeHiddenAsync();
        var fits = await screen.EvaluateAsync<JsonElement>(@"() => {
            const foot = document.querySelector('.screen-foot'), box = document.getElementById('bookings-line').getBoundingClientRect();
            return { inside: box.left >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight, overflow: foot.scrollWidth > foot.clientWidth };
        }");
        Assert.True(fits.GetProperty("inside").GetBoolean(), "the bookings line runs off the wall");
        Assert.False(fits.GetProperty("overflow").GetBoolean(), "the footer overflows with the bookings line");
        await Expect(screen.Locator(".screen-foot [data-i18n='motto']")).ToBeVisibleAsync(new() { Timeout = 15_000 }); // and back to the motto
        await screen.Context.CloseAsync();
    }
}

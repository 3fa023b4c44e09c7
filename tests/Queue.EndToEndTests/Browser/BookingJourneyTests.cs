using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// A timed appointment from end to end: booked on the phone page at 390 px, checked in at the kiosk by its code, called at a
/// window, and the call on the board and on the phone's ticket page; or checked in on the phone by the entrance's rotating
/// code (/arrive/{hall}?c=). The test hall is always open, so today has slots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BookingJourneyTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 5_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 10_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions FirstLoad = new() { Timeout = 30_000 }; // each day's grain reads the forecast history once

    [Fact]
    public async Task BookedOnThePhoneCheckedInAtTheKioskByCodeCalledAtTheWindowAndTheTicketPageShowsTheCall()
    {
        // A fixed capacity for 税务, so that the forecast of whatever hour the test runs at cannot leave today's slots full.
        await fixture.Api.PutAsync("/api/halls/binjiang/booking/settings", new { themes = new[] { new { themeCode = "SW", capacity = 5 } } });
        var phone = await fixture.NewPageAsync(390, 844, mobile: true); // a page of plain requests: no live connection to wait for
        await phone.GotoAsync("/m/binjiang");
        await Expect(phone.Locator("button.theme[data-theme='SW'] .theme-wait")).ToBeVisibleAsync(FirstLoad);
        await BrowserFixture.ScreenshotAsync(phone, "booking-themes");
        await phone.Locator("button.theme[data-theme='SW']").ClickAsync();
        await Expect(phone.Locator("#days button.day.on")).ToHaveTextAsync("今天", Soon);
        await phone.Locator("#slots button.slot:not([disabled])").First.ClickAsync();
        await phone.Locator("#citizen").FillAsync("139" + RandomNumberGenerator.GetInt32(10_000_000, 100_000_000));
        await phone.Locator("#name").FillAsync("王五");
        await BrowserFixture.ScreenshotAsync(phone, "booking-slots");
        await phone.Locator("#book").ClickAsync();

        await Expect(phone.Locator("#b-status")).ToHaveTextAsync("已预约", Soon);
        var code = (await phone.Locator("#b-code").TextContentAsync())!;
        Assert.Matches("^[0-9]{6}$", code);
        await Expect(phone.Locator("#b-qr svg.qr")).ToBeVisibleAsync(Visible);
        Assert.Contains("booking=", phone.Url, StringComparison.Ordinal);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the booking page scrolls sideways at 390 px");
        await BrowserFixture.ScreenshotAsync(phone, "booking-confirmed");

        var kiosk = await fixture.OpenAsync("/kiosk/binjiang", 1080, 1920, visitor: Visitor.Kiosk);
        await kiosk.Locator("#checkin-open").ClickAsync();
        await kiosk.Locator("#checkin-code").FillAsync(code);
        await kiosk.Locator("#checkin-go").ClickAsync();
        await Expect(kiosk.Locator("#issued")).ToBeVisibleAsync(Visible);
        var number = (await kiosk.Locator("#slip-number").TextContentAsync())!;
        Assert.StartsWith("C", number, StringComparison.Ordinal);

        // The booking's page now leads to its ticket.
        await phone.ReloadAsync();
        await Expect(phone.Locator("#b-status")).ToHaveTextAsync("已签到", Soon);
        await phone.Locator("#b-ticket").ClickAsync();
        await Expect(phone.Locator("#number")).ToHaveTextAsync(number, Soon);
        await Expect(phone.Locator("#live")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });

        var board = await fixture.OpenAsync("/board/binjiang", 1920, 1080, visitor: Visitor.Board);
        await fixture.Api.SignInAsync(10); // 税务 window 10: window 11 is the contrast tests' own
        Assert.Equal(number, await fixture.Api.CallNextAsync(10)); // an appointment: called before the walk-ins of 税务
        await Expect(board.Locator("#newest-number")).ToHaveTextAsync(number, Soon);
        await Expect(phone.Locator("#call-text")).ToHaveTextAsync($"请{number}号到10号窗口", Soon);
        await board.Context.CloseAsync();
        await kiosk.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task BookedOnThePhoneThenTheEntranceCodeOpenedOnThePhoneChecksItInAndShowsTheTicket()
    {
        await fixture.Api.PutAsync("/api/halls/binjiang/booking/settings", new { themes = new[] { new { themeCode = "SW", capacity = 5 } } });
        var phone = await fixture.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync("/m/binjiang");
        await Expect(phone.Locator("button.theme[data-theme='SW'] .theme-wait")).ToBeVisibleAsync(FirstLoad);
        // Today's issuing is open (the test hall is always open): 线上取号 is one tap away.
        await Expect(phone.Locator("a.remote-link[data-theme='SW']")).ToHaveAttributeAsync("href", "/remote/binjiang");
        await Expect(phone.Locator("a.remote-link[data-theme='SW']")).ToHaveTextAsync("线上取号（今天）›");
        await phone.Locator("button.theme[data-theme='SW']").ClickAsync();
        await phone.Locator("#slots button.slot:not([disabled])").First.ClickAsync();
        await phone.Locator("#citizen").FillAsync("137" + RandomNumberGenerator.GetInt32(10_000_000, 100_000_000));
        await phone.Locator("#book").ClickAsync();

        await Expect(phone.Locator("#b-status")).ToHaveTextAsync("已预约", Soon);
        await Expect(phone.Locator("#b-notice .notice-fees")).ToContainTextAsync("不收费", new() { Timeout = 5_000 }); // 税务's 一次性告知
        await Expect(phone.Locator("#b-notice h2")).ToHaveTextAsync("办事须知");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the confirmation scrolls sideways at 390 px");
        var kept = await phone.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem('queue.bookings') || '[]').length");
        Assert.Equal(1, kept);

        // The entrance display's current code (what its QR carries), opened on the phone as the camera app would.
        var entrance = await fixture.Api.GetAsync("/api/halls/binjiang/entrance");
        await phone.GotoAsync($"/arrive/binjiang?c={entrance.GetProperty("code").GetString()}");
        await phone.WaitForURLAsync(new Regex("/t/binjiang\\."), new() { Timeout = 15_000 });
        await Expect(phone.Locator("#number")).ToHaveTextAsync(new Regex("^C[0-9]+$"), Soon);
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem('queue.bookings') || '[]').length"));

        // The appointment leaves the shared demo hall's 税务 line, so that the other tests' calls find their own tickets first.
        var ticketId = Uri.UnescapeDataString(new Uri(phone.Url).AbsolutePath["/t/".Length..]);
        await fixture.Api.PostToAsync($"/api/tickets/{Uri.EscapeDataString(ticketId)}/cancel", new { });
        await phone.Context.CloseAsync();
    }
}

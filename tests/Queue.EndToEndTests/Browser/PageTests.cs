using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>The kiosk and the window LED, each doing its one job, opened as the fixture's registered devices (the guide's kiosk by a person).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheKioskIssuesATicketAndShowsItsNumberWithALinkToTheTicketPage()
    {
        var kiosk = await fixture.OpenAsync("/kiosk/binjiang", 1080, 1920, visitor: Visitor.Kiosk);
        await Expect(kiosk.Locator("button.theme[data-theme='XSE'] .theme-facts")).ToContainTextAsync("等候", new() { Timeout = 5_000 });
        // The predicted wait: the simulated range when the hall's forecast is fresh (opening hours), else the closed form's one figure.
        await Expect(kiosk.Locator("button.theme[data-theme='XSE'] .theme-facts"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^等候 \\d+ 人 · (预计 \\d+–\\d+ 分钟|约 \\d+ 分钟|无需等候|暂无窗口受理)$"));
        Assert.Equal("预计 10–20 分钟", await kiosk.EvaluateAsync<string>("() => Q.waitRange(14.2, 10, 20)"));
        Assert.Equal("约 15 分钟", await kiosk.EvaluateAsync<string>("() => Q.waitRange(14.2, 14.2, 14.2)"));
        await BrowserFixture.ScreenshotAsync(kiosk, "kiosk");

        await kiosk.Locator("button.theme[data-theme='XSE']").ClickAsync();

        await Expect(kiosk.Locator("#issued")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        var number = await kiosk.Locator("#slip-number").TextContentAsync();
        var link = new Uri(await kiosk.Locator("#slip-link").GetAttributeAsync("href") ?? "");
        var ticketId = Uri.UnescapeDataString(link.AbsolutePath["/t/".Length..]);
        var ticket = await fixture.Api.TicketAsync(ticketId);
        Assert.Equal($"?k={Uri.EscapeDataString(ticket.GetProperty("accessKey").GetString()!)}", link.Query);
        Assert.Equal(ticket.GetProperty("displayNumber").GetString(), number);
        Assert.Equal("XSE", ticket.GetProperty("themeCode").GetString());
        Assert.Equal("Kiosk", ticket.GetProperty("channel").GetString());
        await Expect(kiosk.Locator("#slip-qr svg")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(kiosk, "kiosk-ticket");
        await kiosk.Context.CloseAsync();
    }

    [Fact]
    public async Task TheGuidesKioskIssuesAGreenChannelTicket()
    {
        var kiosk = await fixture.OpenAsync("/kiosk/binjiang?staff=1", 1280, 800);
        await kiosk.Locator("#green").CheckAsync();

        await kiosk.Locator("button.theme[data-theme='GJJ']").ClickAsync();

        await Expect(kiosk.Locator("#slip-green")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        var link = await kiosk.Locator("#slip-link").GetAttributeAsync("href");
        var ticket = await fixture.Api.TicketAsync(Uri.UnescapeDataString(new Uri(link!).AbsolutePath["/t/".Length..]));
        Assert.Equal("GreenChannel", ticket.GetProperty("priority").GetString());
        Assert.Equal("Staff", ticket.GetProperty("channel").GetString());
        await kiosk.Context.CloseAsync();
    }

    [Fact]
    public async Task TheWindowLedShowsTheNumberCalledAtItsWindowAndPauseWhenPaused()
    {
        await fixture.Api.SignInAsync(15);
        var led = await fixture.OpenAsync("/led/binjiang/15", 1280, 400, visitor: Visitor.Board);

        var number = await fixture.Api.CallNextAsync(15);

        await Expect(led.Locator("#led-number")).ToHaveTextAsync(number, new() { Timeout = 5_000 });
        await Expect(led.Locator("#window-title")).ToHaveTextAsync("15号窗口", new() { Timeout = 5_000 });
        await BrowserFixture.ScreenshotAsync(led, "led");
        await fixture.Api.WindowAsync(15, "start");
        await fixture.Api.WindowAsync(15, "complete", new { outcome = "Done" });
        await fixture.Api.WindowAsync(15, "pause", new { reason = "午休" });
        await Expect(led.Locator("#led-caption")).ToHaveTextAsync("暂停服务", new() { Timeout = 5_000 });
        await Expect(led.Locator("#led-number")).ToHaveTextAsync(string.Empty);
        await led.Context.CloseAsync();
    }

    [Fact]
    public async Task TheEnglishSwitchTranslatesThePageAndIsRemembered()
    {
        var board = await fixture.OpenAsync("/board/binjiang?lang=en", 1920, 1080, visitor: Visitor.Board);
        await Expect(board.Locator("h2").First).ToHaveTextAsync("Now calling");
        await Expect(board.Locator("#hall-name")).ToHaveTextAsync("Binjiang Citizen Service Center", new() { Timeout = 5_000 });
        await board.GotoAsync("/board/binjiang?lang=zh");
        await Expect(board.Locator("h2").First).ToHaveTextAsync("正在呼叫");

        await board.Locator("[data-lang-toggle]").ClickAsync();

        await Expect(board.Locator("h2").First).ToHaveTextAsync("Now calling");
        await board.GotoAsync("/board/binjiang");
        await Expect(board.Locator("h2").First).ToHaveTextAsync("Now calling");
        await board.Context.CloseAsync();
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>The window terminal when nothing is waiting, while a ticket is called and served, and for a window that is not there.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WindowTerminalTests(BrowserFixture fixture)
{
    private const int Window = 17; // 一件事专窗: XSE only, one ticket seeded
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 5_000 };

    [Fact]
    public async Task CallingNextWithNobodyWaitingSaysSoCallsNothingAndACallThenCountsSinceTheCallAndSinceTheStart()
    {
        await fixture.Api.SignInAsync(Window);
        try
        {
            await CallNextWithNobodyWaitingAsync();
        }
        finally
        {
            await fixture.Api.WindowAsync(Window, "sign-out"); // the window closed again, as the sign-in test expects it
        }
    }

    private async Task CallNextWithNobodyWaitingAsync()
    {
        await DrainAsync();
        var terminal = await fixture.OpenAsync($"/window/binjiang/{Window}", 1920, 1080);
        await Expect(terminal.Locator("#state")).ToHaveTextAsync("空闲", Soon);

        await terminal.Locator("button[data-cmd='call-next']").ClickAsync();

        await Expect(terminal.Locator("#notice")).ToHaveTextAsync("当前无人等候", Soon);
        await Expect(terminal.Locator("#notice")).ToHaveClassAsync(NeutralNotice());
        await Expect(terminal.Locator("#current-number")).ToHaveTextAsync("—");
        await Expect(terminal.Locator("#state")).ToHaveTextAsync("空闲");
        await Expect(terminal.Locator("#timer")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(terminal, "window-nobody-waiting");

        var ticket = await fixture.Api.IssueAsync("XSE");
        await terminal.Locator("button[data-cmd='call-next']").ClickAsync();

        await Expect(terminal.Locator("#current-number")).ToHaveTextAsync(ticket.DisplayNumber, Soon);
        await Expect(terminal.Locator("#notice")).ToHaveTextAsync($"已呼叫 {ticket.DisplayNumber}", Soon);
        await Expect(terminal.Locator("#notice")).Not.ToHaveClassAsync(NeutralNotice());
        await Expect(terminal.Locator("#timer-label")).ToHaveTextAsync("已呼叫", Soon);
        await Expect(terminal.Locator("#timer-value")).ToHaveTextAsync(MinutesSeconds());
        await Expect(terminal.Locator("#timer-value")).ToHaveTextAsync(Counted(), new() { Timeout = 5_000 }); // it counts, each second
        // A command not allowed now is grey, whatever its colour when allowed; an allowed one keeps its colour.
        Assert.True(await terminal.Locator("button[data-cmd='call-next']").IsDisabledAsync());
        Assert.Equal("rgb(238, 240, 243)", await Background(terminal, "call-next"));
        Assert.Equal("rgb(238, 240, 243)", await Background(terminal, "complete"));
        Assert.Equal("rgb(255, 255, 255)", await Background(terminal, "start"));
        await BrowserFixture.ScreenshotAsync(terminal, "window-calling");

        await terminal.Keyboard.PressAsync("F3");

        await Expect(terminal.Locator("#state")).ToHaveTextAsync("办理中", Soon);
        await Expect(terminal.Locator("#timer-label")).ToHaveTextAsync("已办理", Soon);
        await Expect(terminal.Locator("#timer-value")).ToHaveTextAsync(MinutesSeconds());
        await fixture.Api.WindowAsync(Window, "complete", new { outcome = "Done" });
        await terminal.Context.CloseAsync();
    }

    [Fact]
    public async Task TheWindowsLinesShowThePredictedWaitTheBoardShows()
    {
        await fixture.Api.SignInAsync(Window);
        try
        {
            await DrainAsync();
            await fixture.Api.IssueAsync("XSE");
            await fixture.Api.IssueAsync("XSE");
            var terminal = await fixture.OpenAsync($"/window/binjiang/{Window}", 1920, 1080);
            var board = await fixture.OpenAsync("/board/binjiang", 1920, 1080, visitor: Visitor.Board);
            var onBoard = board.Locator("#lines tr[data-theme='XSE'] td.eta");
            await Expect(onBoard).ToHaveTextAsync(AboutMinutes(), Soon);

            // One estimate (WaitPrediction, in the hall snapshot), read the same way on both pages.
            var onTerminal = terminal.Locator("#lines tr[data-theme='XSE'] td.projected");
            await SameTextAsync(onTerminal, onBoard);
            await Expect(onTerminal).ToHaveTextAsync(AboutMinutes(), Soon); // the range, as the board words it (Q.waitRange)

            // The window closes: 暂无窗口受理 on both when no other open window serves XSE (the terminal said "—"), or
            // both the same number when one does.
            await fixture.Api.WindowAsync(Window, "sign-out");
            await Expect(terminal.Locator("#state")).ToHaveTextAsync("未开窗", Soon);
            await Expect(onBoard).Not.ToHaveTextAsync("—");
            var hall = await fixture.Api.GetAsync("/api/halls/binjiang/snapshot");
            var othersServing = hall.GetProperty("windows").EnumerateArray()
                .Count(w => w.GetProperty("windowNo").GetInt32() is 12 or 13 or 14 or 18 && w.GetProperty("state").GetString() is not ("Closed" or "Paused"));
            if (othersServing == 0)
            {
                await Expect(onBoard).ToHaveTextAsync("暂无窗口受理", Soon);
            }

            await SameTextAsync(onTerminal, onBoard);
            await terminal.Context.CloseAsync();
            await board.Context.CloseAsync();
        }
        finally
        {
            await fixture.Api.SignInAsync(Window);
            await DrainAsync();
            await fixture.Api.WindowAsync(Window, "sign-out");
        }
    }

    /// <summary>
    /// Both pages show the same text within 5 s, read together at each try: a new forecast reaches both pages on the same
    /// slow refresh (no event says it changed), so a text read from one page once may be gone by the time the other shows it.
    /// </summary>
    private static async Task SameTextAsync(ILocator one, ILocator other)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var (a, b) = (await one.TextContentAsync(), await other.TextContentAsync());
        while (a != b && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            (a, b) = (await one.TextContentAsync(), await other.TextContentAsync());
        }

        Assert.Equal(b, a);
    }

    [Fact]
    public async Task TheSidePanelsWaitColumnHoldsTheWidestRangeUncut()
    {
        await fixture.Api.SignInAsync(Window);
        try
        {
            await DrainAsync();
            await fixture.Api.IssueAsync("XSE");
            var terminal = await fixture.OpenAsync($"/window/binjiang/{Window}", 1920, 1080);
            var cell = terminal.Locator("#lines tr[data-theme='XSE'] td.projected");
            await Expect(cell).ToHaveTextAsync(AboutMinutes(), Soon);

            // Outside opening hours there is no forecast (single figures): the shared formatter is made to give the widest
            // range the column may show, and the next ticket redraws the panel.
            await terminal.EvaluateAsync("() => { const range = Q.waitRange; Q.waitRange = (point) => range(point, 100, 120); }");
            await fixture.Api.IssueAsync("XSE");
            await Expect(cell).ToHaveTextAsync("100–120 分钟", Soon);
            var cut = await terminal.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('#lines tr[data-theme="XSE"], #lines tr[data-theme="XSE"] td')].flatMap((el) => {
                  const r = el.getBoundingClientRect();
                  return [
                    ...(r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5 ? [`${el.tagName} outside the viewport`] : []),
                    ...(el.scrollWidth > el.clientWidth + 1 ? [`${el.tagName} "${el.textContent}" cut`] : []),
                  ];
                })
                """);
            Assert.Empty(cut);
            await terminal.Context.CloseAsync();
        }
        finally
        {
            await DrainAsync();
            await fixture.Api.WindowAsync(Window, "sign-out");
        }
    }

    [Theory]
    [InlineData("/window/binjiang/99", "大厅 binjiang 没有 99 号窗口", 1)]
    [InlineData("/window/binjiang/99?lang=en", "Hall binjiang has no window 99", 1)]
    [InlineData("/window/nowhere/1", "找不到大厅 nowhere", 0)] // refused by the API before the page connects
    public async Task AWindowTheHallDoesNotHaveIsToldOnceAndNotAskedForAgain(string path, string told, int connectionsExpected)
    {
        var page = await fixture.NewPageAsync(1920, 1080, visitor: Visitor.Administrator);
        var connections = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/hubs/queue/negotiate", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref connections);
            }
        };

        await page.GotoAsync(path);

        await Expect(page.Locator("#error")).ToHaveTextAsync(told, Soon);
        if (connectionsExpected == 1)
        {
            await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "refused");
        }

        await Expect(page.Locator("#desk")).ToBeHiddenAsync();
        await Expect(page.Locator("#sign-in")).ToBeHiddenAsync();
        // The page used to reconnect every second: give it a few of those seconds, then count.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(connectionsExpected, Volatile.Read(ref connections));
        await BrowserFixture.ScreenshotAsync(page, "window-not-found-" + connectionsExpected + (path.EndsWith("en", StringComparison.Ordinal) ? "-en" : ""));
        Assert.DoesNotContain("QueueRuleException", fixture.ProductOutput, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>Calls and finishes whatever this window could call, so that nobody is waiting for it.</summary>
    private async Task DrainAsync()
    {
        for (var i = 0; i < 20; i++)
        {
            var window = await fixture.Api.WindowAsync(Window, "call-next");
            if (!window.TryGetProperty("current", out var current) || current.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            await fixture.Api.WindowAsync(Window, "start");
            await fixture.Api.WindowAsync(Window, "complete", new { outcome = "Done" });
        }
    }

    private static Task<string> Background(IPage page, string command) =>
        page.Locator($"button[data-cmd='{command}']").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");

    [GeneratedRegex(@"\bneutral\b")]
    private static partial Regex NeutralNotice();

    [GeneratedRegex(@"^00:0[1-9]$")]
    private static partial Regex Counted();

    // The board's range ("10–20 分钟", forward-simulated) or the fallback's single figure ("12 分钟").
    [GeneratedRegex(@"^\d+(\.\d)?(–\d+)? 分钟$")]
    private static partial Regex AboutMinutes();

    [GeneratedRegex(@"^\d{2}:\d{2}$")]
    private static partial Regex MinutesSeconds();
}

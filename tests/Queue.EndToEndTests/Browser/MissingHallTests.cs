using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// A board or LED opened for a hall or window that does not exist says so once, in both languages, and does not ask
/// again: neither the hall's API nor the hub hears from it after the refusal (they used to be asked every few seconds,
/// forever). The server logs no stack trace for the refusal.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MissingHallTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 5_000 };

    [Theory]
    [InlineData("/board/nowhere", "#no-calls", "大厅不存在：找不到大厅 nowhere", Visitor.Administrator, 0)] // refused by the API before the page connects
    [InlineData("/led/nowhere/1", "#led-caption", "大厅不存在：找不到大厅 nowhere / No such hall: Hall nowhere not found", Visitor.Administrator, 0)]
    [InlineData("/led/binjiang/99", "#led-caption", "窗口不存在：大厅 binjiang 没有 99 号窗口 / No such window: Hall binjiang has no window 99", Visitor.Board, 1)] // refused by the hub
    public async Task APageForAHallOrWindowThatDoesNotExistIsToldOnceAndDoesNotRetry(string path, string where, string told, Visitor visitor, int connectionsExpected)
    {
        var page = await fixture.NewPageAsync(1920, 1080, visitor: visitor);
        var (connections, hallRequests) = (0, 0);
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/hubs/queue/negotiate", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref connections);
            }
            else if (request.Url.Contains("/api/halls/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref hallRequests);
            }
        };

        await page.GotoAsync(path);

        await Expect(page.Locator(where)).ToContainTextAsync(told, Soon);
        var (connectionsSeen, requestsSeen) = (Volatile.Read(ref connections), Volatile.Read(ref hallRequests));
        // The pages retried every 2 to 5 seconds: give them a few of those, then count again.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal(connectionsExpected, Volatile.Read(ref connections));
        Assert.Equal((connectionsSeen, requestsSeen), (Volatile.Read(ref connections), Volatile.Read(ref hallRequests)));
        Assert.Equal("hidden", await page.Locator("#live").EvaluateAsync<string>("e => e.hidden ? 'hidden' : getComputedStyle(e).visibility"));
        Assert.DoesNotContain("QueueRuleException", fixture.ProductOutput, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}

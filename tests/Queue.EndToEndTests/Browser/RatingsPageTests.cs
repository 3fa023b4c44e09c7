using Queue.Contracts.Model;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The manager page's 好差评 section at 1920×1080, on a hall of its own (the demo hall's lines belong to other tests): a
/// ticket served at window 1 and rated 差评 through the phone's endpoint shows in the list with its comment as text, its
/// window, staff and theme; the satisfaction-by-wait chart loads; the section passes axe (WCAG 2.1 AA).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RatingsPageTests(BrowserFixture fixture)
{
    private const string ChartLoaded = "id => { const i = document.getElementById(id); return !!i && i.complete && i.naturalWidth > 0; }";

    [Fact]
    public async Task TheManagerSeesAnUnsatisfiedRatingWithItsCommentAndTheSatisfactionByWaitChart()
    {
        var hallId = "ratings-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Api.ConfigureHallAsync(hallId, TestHalls.Small(hallId, ["AA"], WindowProfile.Dedicated("AA")));
        var ticket = await fixture.Api.PostToAsync(
            $"/api/halls/{hallId}/themes/AA/tickets", new { channel = "Kiosk", priority = "Normal", requestId = Guid.NewGuid().ToString(), name = "赵六" });
        var (ticketId, number, key) = (ticket.GetProperty("ticketId").GetString()!, ticket.GetProperty("displayNumber").GetString()!, ticket.GetProperty("accessKey").GetString()!);
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/sign-in", new { staffId = "zhao-staff", staffName = "测试员" });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/call-next", new { });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/start", new { });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/complete", new { outcome = "Done" });
        const string comment = "<img src=x onerror=alert(1)>等了很久，窗口态度一般";
        await fixture.Api.PostToAsync($"/api/tickets/{Uri.EscapeDataString(ticketId)}/rating?k={Uri.EscapeDataString(key)}", new { level = 2, comment });

        var manager = await fixture.OpenAsync($"/manager/{hallId}", 1920, 1080);

        var row = manager.Locator("#ratings-list tr[data-level='2']");
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        var cells = row.Locator("td");
        await Expect(cells.Nth(1)).ToHaveTextAsync(number);
        await Expect(cells.Nth(2)).ToHaveTextAsync("AA事项");
        await Expect(cells.Nth(3)).ToHaveTextAsync("1号窗口");
        await Expect(cells.Nth(4)).ToHaveTextAsync("zhao-staff");
        await Expect(cells.Nth(6)).ToHaveTextAsync("不满意");
        await Expect(cells.Nth(7)).ToHaveTextAsync("赵*");
        await Expect(cells.Nth(8)).ToHaveTextAsync(comment); // the comment as text: no element was made of it
        Assert.Equal(0, await manager.Locator("#ratings-list img").CountAsync());
        await Expect(manager.Locator("#ratings-summary")).ToContainTextAsync("差评 1 条");
        await manager.WaitForFunctionAsync(ChartLoaded, "chart-ratings-wait", new() { Timeout = 20_000 });
        Assert.Contains("/satisfaction-by-wait.svg?", await manager.Locator("#chart-ratings-wait").GetAttributeAsync("src"), StringComparison.Ordinal);
        await manager.Locator("#ratings-card").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(manager, "manager-ratings");

        var violations = await Axe.ViolationsAsync(manager);
        await manager.Context.CloseAsync();
        Assert.True(violations.Length == 0, string.Join("\n", violations));
    }
}

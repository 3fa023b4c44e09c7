using Queue.Contracts.Model;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The manager page's cases section at 1920×1080, on a hall of its own: a real-name 差评 (a ticket taken with a phone
/// number, served, rated 1 through the phone's endpoint) is listed as a 回访整改 case with its deadline; the manager
/// handles it in the dialog (已回访, an assignee, a note) and the row and the API say so; a 没办成 is listed as its own
/// case; the big screen's footer counts the open cases. The section passes axe (WCAG 2.1 AA).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CasesPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AManagerSeesARealName差评CaseAndMarksItCalledBack()
    {
        var hallId = "cases-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Api.ConfigureHallAsync(hallId, TestHalls.Small(hallId, ["AA"], WindowProfile.Dedicated("AA")));
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/sign-in", new { staffId = "case-staff", staffName = "测试员" });
        var rated = await Serve(hallId, "13800138000", "Done", null);
        await Serve(hallId, null, "NotDone", "缺少营业执照");
        var (ticketId, key) = (rated.GetProperty("ticketId").GetString()!, rated.GetProperty("accessKey").GetString()!);
        await fixture.Api.PostToAsync($"/api/tickets/{Uri.EscapeDataString(ticketId)}/rating?k={Uri.EscapeDataString(key)}", new { level = 1, comment = "等了一个多小时" });

        var manager = await fixture.OpenAsync($"/manager/{hallId}", 1920, 1080);
        var rows = manager.Locator("#cases-list tr[data-case]");
        await Expect(rows).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        var followUp = manager.Locator("#cases-list tr[data-case]", new() { HasText = "回访整改" });
        await Expect(followUp.Locator("td.status")).ToHaveTextAsync("待回访");
        await Expect(followUp.Locator("td.comment")).ToHaveTextAsync("非常不满意：等了一个多小时");
        await Expect(followUp).ToHaveAttributeAsync("data-overdue", "false");
        await Expect(manager.Locator("#cases-list tr[data-case]", new() { HasText = "没办成" }).Locator("td.comment")).ToHaveTextAsync("缺少营业执照");
        await Expect(manager.Locator("#cases-summary")).ToHaveTextAsync("共 2 件，其中逾期 0 件");
        await manager.Locator("#cases-card").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(manager, "manager-cases");

        await followUp.Locator("button.cases-edit").ClickAsync();
        await manager.Locator("#cases-edit-status").SelectOptionAsync("CalledBack");
        await manager.Locator("#cases-edit-assignee").FillAsync("王科长");
        await manager.Locator("#cases-edit-note").FillAsync("已电话回访，致歉");
        await manager.Locator("#cases-edit-save").ClickAsync();
        await Expect(manager.Locator("#cases-dialog")).ToHaveCountAsync(0);
        await Expect(followUp.Locator("td.status")).ToHaveTextAsync("已回访");
        await Expect(followUp).ToContainTextAsync("王科长");
        var list = await fixture.Api.GetAsync($"/api/halls/{hallId}/cases?kind=FollowUp");
        var item = list.GetProperty("items")[0];
        Assert.Equal(("CalledBack", "王科长"), (item.GetProperty("status").GetString(), item.GetProperty("assignee").GetString()));

        await manager.Locator("#cases-kind").SelectOptionAsync("NotDone");
        await Expect(rows).ToHaveCountAsync(1);
        Assert.EndsWith("?kind=NotDone", await manager.Locator("#cases-xlsx").GetAttributeAsync("href"), StringComparison.Ordinal);

        var violations = await Axe.ViolationsAsync(manager);
        await manager.Context.CloseAsync();
        Assert.True(violations.Length == 0, string.Join("\n", violations));

        var screen = await fixture.OpenAsync($"/screen/{hallId}", 1920, 1080);
        await Expect(screen.Locator("#cases-line")).ToHaveTextAsync("差评回访 1 件（逾期 0）· 没办成 1 件（逾期 0）", new() { Timeout = 15_000 });
        await screen.Context.CloseAsync();
    }

    private async Task<System.Text.Json.JsonElement> Serve(string hallId, string? phone, string outcome, string? reason)
    {
        var ticket = await fixture.Api.PostToAsync(
            $"/api/halls/{hallId}/themes/AA/tickets", new { channel = "Kiosk", priority = "Normal", requestId = Guid.NewGuid().ToString(), phone });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/call-next", new { });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/start", new { });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/complete", new { outcome, reason });
        return ticket;
    }
}

using System.Text.RegularExpressions;
using System.Text.Json;
using Microsoft.Playwright;
using Queue.EndToEndTests.TimeSeries;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The big screen and the manager page on the real product, whose demo hall has eight weeks of synthetic history, so the
/// heatmaps show real figures. Windows 12 and 13 are this class's own. The big screen is a board device; the manager page is the administrator's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalyticsPageTests(BrowserFixture fixture)
{
    private const string ChartLoaded = "id => { const i = document.getElementById(id); return !!i && i.complete && i.naturalWidth > 0; }";

    [Fact]
    public async Task TheBigScreenShowsTheDaysFiguresTheWindowWallAndTheChartsAndFollowsNewTickets()
    {
        await fixture.Api.SignInAsync(12);
        var number = await fixture.Api.CallNextAsync(12);
        await Eventually.Until(async () => (await KpisAsync()).GetProperty("called").GetInt64() > 0, TimeSpan.FromSeconds(15), "the call reaches the time series");
        var screen = await fixture.OpenAsync("/screen/binjiang", 1920, 1080, visitor: Visitor.Board);

        await Expect(screen.Locator("[data-kpi='issued']")).ToHaveTextAsync(await IssuedTodayAsync(), new() { Timeout = 10_000 });
        await Expect(screen.Locator("[data-kpi='onTime']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d%$"), new() { Timeout = 10_000 });
        Assert.Contains("仍在等候且已超过目标", await screen.Locator(".kpi:has([data-kpi='onTime'])").GetAttributeAsync("title"), StringComparison.Ordinal);
        await Expect(screen.Locator(".win[data-window='12'] .win-number")).ToHaveTextAsync(number, new() { Timeout = 10_000 });
        await Expect(screen.Locator(".win[data-window='12'] .win-staff")).ToHaveTextAsync("测试员");
        await Expect(screen.Locator("#lines tr[data-theme='BDC']")).ToHaveCountAsync(1);
        await screen.WaitForFunctionAsync(ChartLoaded, "chart-today", new() { Timeout = 20_000 });
        await screen.WaitForFunctionAsync(ChartLoaded, "chart-waiting", new() { Timeout = 20_000 });
        Assert.StartsWith("/charts/binjiang/today.svg?", new Uri(fixture.BaseAddress, await screen.Locator("#chart-today").GetAttributeAsync("src")).PathAndQuery, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(screen, "screen");

        await fixture.Api.IssueAsync("SW"); // not HJ: CallTests expects window 19 (HJ only) to call its own HJ ticket

        await Expect(screen.Locator("[data-kpi='issued']")).ToHaveTextAsync(await IssuedTodayAsync(), new() { Timeout = 10_000 });
        await screen.Context.CloseAsync();
    }

    [Fact]
    public async Task TheManagerPageShowsTheHeatmapsSatisfactionStaffAndTheNotDoneList()
    {
        await fixture.Api.IssueAsync("CRJ");
        await fixture.Api.SignInAsync(13);
        var number = await fixture.Api.CallNextAsync(13);
        await fixture.Api.WindowAsync(13, "start");
        await fixture.Api.WindowAsync(13, "complete", new { outcome = "NotDone", reason = "缺少户口簿原件" });
        await Eventually.Until(async () => (await GetAsync("/api/halls/binjiang/analytics/not-done")).GetProperty("notDone").GetInt64() > 0, TimeSpan.FromSeconds(15), "the service reaches the time series");
        await Eventually.Until(async () => (await GetAsync("/api/halls/binjiang/analytics/quality")).GetProperty("byTheme").GetArrayLength() == 8, TimeSpan.FromSeconds(120), "the demo history of every theme is in");
        var manager = await fixture.OpenAsync("/manager/binjiang?theme=BDC", 1600, 1200);

        var row = manager.Locator("#not-done tr", new() { HasText = "缺少户口簿原件" });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(number);
        await Expect(manager.Locator("#staff tr[data-window='13'] td").Nth(1)).ToHaveTextAsync("测试员");
        await Expect(manager.Locator("#quality-windows tr[data-window='13']")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(manager.Locator("#alert-list li")).Not.ToHaveCountAsync(0);
        foreach (var chart in new[] { "chart-arrivals", "chart-waits", "chart-satisfaction" })
        {
            await manager.WaitForFunctionAsync(ChartLoaded, chart, new() { Timeout = 20_000 });
        }

        Assert.Contains("theme=BDC", await manager.Locator("#chart-arrivals").GetAttributeAsync("src"), StringComparison.Ordinal);
        await manager.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "manager.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task TheManagerComputesTomorrowsTidalAdviceConfirmsTheSwitchesBeforeApplyingAndCanUndoIt()
    {
        await Eventually.Until(async () => (await GetAsync("/api/halls/binjiang/analytics/quality")).GetProperty("byTheme").GetArrayLength() == 8, TimeSpan.FromSeconds(120), "the demo history of every theme is in");
        var manager = await fixture.OpenAsync("/manager/binjiang", 1920, 1080);
        // Not yet computed, as a rule; the product's own 20:00 job may have computed it when a run straddles 12:00 UTC.
        await Expect(manager.Locator("#advice-status")).ToHaveTextAsync(new Regex("该日还没有建议，请先生成|尚未应用"), new() { Timeout = 10_000 });

        await manager.Locator("#advice-compute").ClickAsync();

        // Computing includes the simulation check of the windows (several seconds on a busy machine).
        await Expect(manager.Locator("#advice-plan tr")).ToHaveCountAsync(5, new() { Timeout = 60_000 }); // the demo hall's tidal windows
        await Expect(manager.Locator("#advice-plan tr[data-window='5'] td")).ToHaveCountAsync(18); // the window and 17 half hours, 08:30–16:30
        await Expect(manager.Locator("#advice-status")).ToContainTextAsync("尚未应用");
        await Expect(manager.Locator("#advice-status")).ToContainTextAsync("仿真核定缺口");
        await manager.WaitForFunctionAsync(ChartLoaded, "chart-advice", new() { Timeout = 20_000 });
        var day = await manager.Locator("#advice-date").InputValueAsync();

        // Erlang C's windows per half hour beside the simulated ones (pooling counted), as the API has them.
        var check = (await GetAsync($"/api/halls/binjiang/advice/{day}")).GetProperty("check");
        var intervals = check.GetProperty("intervals").EnumerateArray().ToList();
        var erlang = manager.Locator("#advice-check tr[data-row='adviceErlang'] td");
        var simulated = manager.Locator("#advice-check tr[data-row='adviceSimulated'] td");
        await Expect(erlang).ToHaveCountAsync(17);
        await Expect(simulated).ToHaveCountAsync(17);
        await Expect(manager.Locator("#advice-check tr[data-row='adviceErlang'] th")).ToHaveTextAsync("Erlang C（各业务单独）");
        await Expect(manager.Locator("#advice-check tr[data-row='adviceSimulated'] th")).ToHaveTextAsync("仿真核定（计入共享）");
        for (var k = 0; k < intervals.Count; k++)
        {
            await Expect(erlang.Nth(k)).ToHaveTextAsync(intervals[k].GetProperty("erlangC").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(simulated.Nth(k)).ToHaveTextAsync(intervals[k].GetProperty("simulated").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Expect(manager.Locator("#advice-note")).ToContainTextAsync("仿真核定");
        await Expect(manager.Locator("#advice-note")).Not.ToContainTextAsync("后续");
        await Expect(manager.Locator("#advice-explain")).ToContainTextAsync(new Regex("即使 20 个窗口全部开放|大厅的 20 个窗口足以"));
        if (check.GetProperty("meetsGoal").GetBoolean())
        {
            await Expect(manager.Locator("#advice-warning")).ToBeHiddenAsync();
            await Expect(manager.Locator("#advice-check tr[data-row='adviceShortfall']")).ToHaveCountAsync(0);
        }
        else
        {
            // The day will miss the target even with every window open: flagged, and the shortfall row shows where.
            await Expect(manager.Locator("#advice-warning")).ToBeVisibleAsync();
            await Expect(manager.Locator("#advice-warning")).ToContainTextAsync($"预警：{day} 预计达不到 30 分钟目标");
            await Expect(manager.Locator("#advice-check tr[data-row='adviceShortfall'] td")).ToHaveCountAsync(17);
        }

        // 应用 asks first, listing each tidal window's switches; 取消 applies nothing.
        await manager.Locator("#advice-apply").ClickAsync();
        var dialog = manager.Locator("#advice-confirm");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("#advice-switches > li").First).ToContainTextAsync("号窗口");
        await Expect(dialog.Locator("li.switch").First).ToHaveTextAsync(new Regex("^\\d\\d:\\d\\d–\\d\\d:\\d\\d 优先办理 \\S+$"));
        await BrowserFixture.ScreenshotAsync(manager, "manager-advice-confirm");
        await dialog.Locator("#advice-cancel").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(manager.Locator("#advice-status")).ToContainTextAsync("尚未应用");
        Assert.False(await AppliedAsync(day));

        await manager.Locator("#advice-apply").ClickAsync();
        await dialog.Locator("#advice-confirm-apply").ClickAsync();

        await Expect(manager.Locator("#advice-status")).ToContainTextAsync("应用：潮汐窗口将按时段自动切换", new() { Timeout = 10_000 });
        await Expect(manager.Locator("#advice-apply")).ToBeDisabledAsync();
        await Expect(manager.Locator("#advice-undo")).ToBeVisibleAsync();
        await manager.Locator("#advice-card").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "manager-advice.png"), Animations = ScreenshotAnimations.Disabled });

        await manager.Locator("#advice-undo").ClickAsync();

        await Expect(manager.Locator("#advice-status")).ToContainTextAsync("尚未应用", new() { Timeout = 10_000 });
        await Expect(manager.Locator("#advice-apply")).ToBeEnabledAsync();
        await Expect(manager.Locator("#advice-undo")).ToBeHiddenAsync();
        Assert.False(await AppliedAsync(day));
        await manager.Context.CloseAsync();

        var english = await fixture.OpenAsync("/manager/binjiang?lang=en", 1920, 1080);
        await Expect(english.Locator("#advice-explain")).ToContainTextAsync(new Regex("all 20 windows open|20 windows are enough"), new() { Timeout = 15_000 });
        await Expect(english.Locator("#advice-check tr[data-row='adviceSimulated'] th")).ToHaveTextAsync("Simulated (pooling counted)");
        await Expect(english.Locator("#advice-note")).ToContainTextAsync("Simulated");
        await english.Locator("#advice-apply").ClickAsync();
        await Expect(english.Locator("#advice-confirm li.switch").First).ToContainTextAsync("first");
        await BrowserFixture.ScreenshotAsync(english, "manager-advice-confirm-en");
        await english.Locator("#advice-cancel").ClickAsync();
        await english.Context.CloseAsync();
    }

    /// <summary>Whether the day's advice is applied (the API leaves a null appliedAt out).</summary>
    private async Task<bool> AppliedAsync(string day) =>
        (await GetAsync($"/api/halls/binjiang/advice/{day}")).TryGetProperty("appliedAt", out var at) && at.ValueKind != JsonValueKind.Null;

    private Task<JsonElement> KpisAsync() => GetAsync("/api/halls/binjiang/analytics/kpis");

    private Task<JsonElement> GetAsync(string path) => fixture.Api.GetAsync(path);

    /// <summary>今日取号 as the hall counts it: the sum of its lines' tickets issued today.</summary>
    private async Task<string> IssuedTodayAsync()
    {
        var snapshot = await GetAsync("/api/halls/binjiang/snapshot");
        return snapshot.GetProperty("themes").EnumerateArray().Sum(t => t.GetProperty("issuedToday").GetInt32()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

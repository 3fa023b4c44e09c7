using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Queue.EndToEndTests.TimeSeries;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The manager page's 推演 (what-if) section on the real product and the demo hall's eight weeks of history: a run of the
/// four policies on the day's forecast, their table and heatmaps, an edited cell of the tidal windows' grid, and the grid
/// applied as that day's tidal plan. Its own day (three days ahead), so the advice tests' tomorrow stays theirs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WhatIfPageTests(BrowserFixture fixture)
{
    private const string ImageLoaded = "() => { const i = [...document.querySelectorAll('#whatif-heatmaps img')]; return i.length === 4 && i.every(x => x.complete && x.naturalWidth > 0); }";

    [Fact]
    public async Task AManagerRunsAWhatIfSeesTheComparisonAndHeatmapsEditsACellAndAppliesThePlan()
    {
        await Eventually.Until(async () => (await fixture.Api.GetAsync("/api/halls/binjiang/analytics/quality")).GetProperty("byTheme").GetArrayLength() == 8, TimeSpan.FromSeconds(120), "the demo history of every theme is in");
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var manager = await fixture.OpenAsync($"/manager/binjiang?whatif={day}", 1920, 1080);
        var card = manager.Locator("#whatif-card");
        await card.ScrollIntoViewIfNeededAsync();

        await Expect(manager.Locator("#whatif-grid tr")).ToHaveCountAsync(5, new() { Timeout = 15_000 }); // the demo hall's tidal windows
        await Expect(manager.Locator("#whatif-grid tr[data-window='5'] td")).ToHaveCountAsync(17); // 08:30–16:30
        await Expect(manager.Locator("#whatif-grid tr[data-window='5'] td").First).ToHaveTextAsync("平时");

        // The button is off and the section says so from the click until the answer.
        var atClick = await manager.EvaluateAsync<string>("() => { const b = document.getElementById('whatif-run'); b.click(); return b.disabled + '|' + document.getElementById('whatif-status').textContent; }");
        Assert.Equal("true|推演中…", atClick);
        await Expect(manager.Locator("#whatif-table tr")).ToHaveCountAsync(4, new() { Timeout = 90_000 });
        await Expect(manager.Locator("#whatif-run")).ToBeEnabledAsync();
        await Expect(manager.Locator("#whatif-table tr[data-policy='DedicatedFifo'] td").First).ToHaveTextAsync("分线排队（改革前）");
        await Expect(manager.Locator("#whatif-table tr[data-policy='QueueRouting'] td").Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d% \[\d+\.\d–\d+\.\d\]$"));
        await Expect(manager.Locator("#whatif-summary")).ToContainTextAsync("重复 5 天");
        await manager.WaitForFunctionAsync(ImageLoaded, null, new() { Timeout = 30_000 });
        Assert.StartsWith("blob:", await manager.Locator("#whatif-heatmaps img").First.GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.True(await manager.EvaluateAsync<int>(KioskLayoutTests.HorizontalOverflow) <= 0, "the page is wider than the screen");
        Assert.True(await card.EvaluateAsync<bool>("c => [...c.querySelectorAll('.whatif-grid, .whatif-table, .whatif-heatmaps')].every(e => e.scrollWidth <= e.clientWidth + 1)"), "a what-if part overflows its box");
        await card.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "manager-whatif.png"), Animations = ScreenshotAnimations.Disabled });

        // Window 5 (不动产+税务) takes 税务 first from 09:00: one click is 不动产登记, two are 税务.
        var cell = manager.Locator("#whatif-grid tr[data-window='5'] td button[data-interval='18']");
        await cell.ClickAsync();
        await Expect(cell).ToHaveTextAsync("不动产登记");
        await cell.ClickAsync();
        await Expect(cell).ToHaveTextAsync("税务");
        await Expect(manager.Locator("#whatif-plan")).ToHaveValueAsync("custom");
        await Expect(manager.Locator("#whatif-status")).ToHaveTextAsync("方案或需求已改，请重新运行推演");

        await manager.Locator("#whatif-apply").ClickAsync();
        var dialog = manager.Locator("#whatif-confirm");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("#whatif-switches > li")).ToHaveCountAsync(1);
        await Expect(dialog.Locator("#whatif-switches li.switch")).ToHaveTextAsync("09:00–09:30 优先办理 税务");
        await BrowserFixture.ScreenshotAsync(manager, "manager-whatif-confirm");
        await dialog.Locator("#whatif-confirm-apply").ClickAsync();
        await Expect(manager.Locator("#whatif-status")).ToContainTextAsync($"已将此方案应用到 {day}", new() { Timeout = 10_000 });

        var advice = await fixture.Api.GetAsync($"/api/halls/binjiang/advice/{day}");
        Assert.Equal(JsonValueKind.String, advice.GetProperty("appliedAt").ValueKind);
        var five = advice.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("windowNo").GetInt32() == 5).GetProperty("themes");
        Assert.Equal([null, "SW", .. Enumerable.Repeat<string?>(null, 15)], five.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Null ? null : t.GetString()));
        Assert.All(advice.GetProperty("windows").EnumerateArray().Where(w => w.GetProperty("windowNo").GetInt32() != 5),
            w => Assert.All(w.GetProperty("themes").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.ValueKind)));

        // In English the table and the heatmaps follow without a new run.
        await manager.Locator("[data-lang-toggle]").ClickAsync();
        await Expect(manager.Locator("#whatif-table tr[data-policy='DedicatedFifo'] td").First).ToHaveTextAsync("Dedicated FIFO (before the reform)");
        await Expect(manager.Locator("#whatif-status")).ToHaveTextAsync($"Applied to {day} (undo it under Tidal-window advice)");
        await manager.WaitForFunctionAsync(ImageLoaded, null, new() { Timeout = 30_000 });
        Assert.True(await manager.EvaluateAsync<int>(KioskLayoutTests.HorizontalOverflow) <= 0, "the English page is wider than the screen");
        await card.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "manager-whatif-en.png"), Animations = ScreenshotAnimations.Disabled });

        await manager.Context.CloseAsync();
    }
}

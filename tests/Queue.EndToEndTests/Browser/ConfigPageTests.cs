using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Queue.Contracts.Model;
using Queue.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The configuration page and acting on advice, each on a hall of its own: a theme configured on /config/{hall} (the
/// validator's refusal shown beside the themes while it is incomplete) appears on an open kiosk without a reload, fields
/// the page does not know go back unchanged, a save over someone else's is refused with a clear message; a theme's
/// 一次性告知 edited in pairs (a missing English refused beside it) shows on the kiosk in both languages, the booking
/// share lowered lowers a slot's capacity, and the cases' deadlines are saved by the same button (refused at their
/// section when out of range); an SLA alert's
/// move applied from the manager page switches the window (its terminal lists the theme first) and is undone; the
/// advice's plan edited cell by cell and applied.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConfigPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AThemeConfiguredOnThePageAppearsOnTheKioskAndUnknownFieldsGoBackUnchanged()
    {
        var hallId = "config-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Api.ConfigureHallAsync(hallId, TestHalls.Small(hallId, ["AA"], WindowProfile.Dedicated("AA")));
        var kiosk = await fixture.OpenAsync($"/kiosk/{hallId}", 1080, 1920);
        await Expect(kiosk.Locator("button.theme")).ToHaveCountAsync(1, new() { Timeout = 10_000 });

        var page = await fixture.NewPageAsync(1920, 1080, visitor: Visitor.Administrator);
        // Fields other parts of the product add (a theme's notice, the hall's booking): the page must send them back as they came.
        await page.RouteAsync($"**/api/halls/{hallId}", async route =>
        {
            if (route.Request.Method != "GET")
            {
                await route.ContinueAsync();
                return;
            }

            var response = await route.FetchAsync();
            var json = JsonNode.Parse(await response.TextAsync())!;
            json["booking"] = new JsonObject { ["slotMinutes"] = 30 };
            json["themes"]![0]!["notice"] = new JsonObject { ["materialsZh"] = "身份证" };
            await route.FulfillAsync(new() { Response = response, Body = json.ToJsonString() });
        });
        await page.GotoAsync($"/config/{hallId}");
        await Expect(page.Locator("#config-main")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.Locator("#version")).ToHaveTextAsync("配置版本 1");

        await page.Locator("#add-theme").ClickAsync();
        var row = page.Locator("#themes tr").Last;
        await row.Locator("input[data-field='code']").FillAsync("CC");
        await row.Locator("input[data-field='name']").FillAsync("新办事项");
        await row.Locator("input[data-field='nameEn']").FillAsync("New matter");
        // No prefix yet: the API's own refusal, beside the themes.
        var themesError = page.Locator("[data-error='themes']");
        await Expect(themesError).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(themesError).ToContainTextAsync("CC");
        await row.Locator("input[data-field='prefix']").FillAsync("C");
        await Expect(themesError).ToBeHiddenAsync(new() { Timeout = 5_000 });
        await Expect(page.Locator("#check-status")).ToHaveTextAsync("校验通过，可以保存");

        // The calendar: the hall's week, the zone made 24-hour, this and next year's shipped holidays copied in to edit.
        await page.Locator("#use-calendar").CheckAsync();
        await Expect(page.Locator("[data-week='hall'] tbody tr")).ToHaveCountAsync(5);
        await page.Locator("#add-zone-week").ClickAsync();
        await page.Locator("[data-week='z'] button.all-day").ClickAsync();
        await Expect(page.Locator("[data-week='z'] tbody tr")).ToHaveCountAsync(7);
        await page.Locator("#load-shipped").ClickAsync();
        await Expect(page.Locator("tbody[data-dates='closed'] tr").First).ToBeVisibleAsync();
        var closedDays = await page.Locator("tbody[data-dates='closed'] tr").CountAsync();
        Assert.True(closedDays > 20, $"{closedDays} closed days copied");
        await Expect(page.Locator("#check-status")).ToHaveTextAsync("校验通过，可以保存", new() { Timeout = 5_000 });
        Assert.True(await page.EvaluateAsync<int>(KioskLayoutTests.HorizontalOverflow) <= 0, "the page is wider than 1920");
        await BrowserFixture.ScreenshotAsync(page, "config");
        AssertNone(await Axe.ViolationsAsync(page));

        var put = page.WaitForRequestAsync(r => r.Method == "PUT" && r.Url.EndsWith($"/api/halls/{hallId}", StringComparison.Ordinal));
        await page.Locator("#save").ClickAsync();
        using var sent = JsonDocument.Parse((await put).PostData!);
        Assert.Equal(30, sent.RootElement.GetProperty("booking").GetProperty("slotMinutes").GetInt32());
        Assert.Equal("身份证", sent.RootElement.GetProperty("themes")[0].GetProperty("notice").GetProperty("materialsZh").GetString());
        Assert.Equal("\"v1\"", (await put).Headers["if-match"]);
        await Expect(page.Locator("#check-status")).ToHaveTextAsync("已保存（版本 2），各终端已生效", new() { Timeout = 10_000 });
        var stored = await fixture.Api.GetAsync($"/api/halls/{hallId}");
        var calendar = stored.GetProperty("calendar");
        Assert.Equal((closedDays, false), (calendar.GetProperty("closed").GetArrayLength(), calendar.GetProperty("useDefaultHolidays").GetBoolean()));
        Assert.Equal(7, calendar.GetProperty("zones")[0].GetProperty("week").GetArrayLength());

        // The kiosk that was open all along shows the new theme, without a reload.
        await Expect(kiosk.Locator("button.theme[data-theme='CC']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(kiosk.Locator("button.theme[data-theme='CC']")).ToContainTextAsync("新办事项");
        var events = await fixture.Api.GetAsync($"/api/halls/{hallId}/events?after=0&max=100");
        var saved = events.EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "HallConfigured");
        Assert.Equal((2, true), (saved.GetProperty("configVersion").GetInt32(), saved.GetProperty("summary").GetString()!.Contains("+CC", StringComparison.Ordinal)));

        // Someone else saves meanwhile: this page's next save is refused and says what to do.
        var now = await fixture.Api.GetAsync($"/api/halls/{hallId}");
        var other = JsonNode.Parse(now.GetRawText())!;
        other["nameEn"] = "Changed elsewhere";
        await fixture.Api.ConfigureHallAsync(hallId, other);
        await page.Locator("#hall-fields input[data-field='name']").FillAsync("本页的修改");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#error")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.Locator("#error")).ToContainTextAsync("他人已修改");
        await page.Locator("#reload").ClickAsync();
        await Expect(page.Locator("#version")).ToHaveTextAsync("配置版本 3");

        // English, and usable at 1366×768 (nothing wider than the screen).
        await page.SetViewportSizeAsync(1366, 768);
        await page.Locator("[data-lang-toggle]").ClickAsync();
        await Expect(page.Locator("h2[data-i18n='themes']")).ToHaveTextAsync("Themes");
        Assert.True(await page.EvaluateAsync<int>(KioskLayoutTests.HorizontalOverflow) <= 0, "the page is wider than 1366");
        AssertNone(await Axe.ViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "config-1366-en");

        await kiosk.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ANoticeTheBookingShareAndTheCaseDeadlinesAreEditedOnThePage()
    {
        var hallId = "notice-" + Guid.NewGuid().ToString("N")[..8];
        var dedicated = WindowProfile.Dedicated("AA");
        await fixture.Api.ConfigureHallAsync(hallId, TestHalls.Small(hallId, ["AA"], dedicated, dedicated, dedicated));
        var before = await FirstSlotCapacityAsync(hallId);

        var page = await fixture.NewPageAsync(1920, 1080, visitor: Visitor.Administrator);
        await page.GotoAsync($"/config/{hallId}");
        await Expect(page.Locator("#config-main")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.Locator("#notice-theme")).ToHaveValueAsync("AA");
        await page.Locator("#notice-on").CheckAsync();

        // Two materials (then swapped), fees, time and a note, each in Chinese and English side by side.
        var materials = page.Locator(".notice-list[data-list='materials']");
        await materials.Locator("button.add").ClickAsync();
        await materials.Locator("tr[data-item='0'] input[data-field='zh']").FillAsync("户口簿");
        await materials.Locator("tr[data-item='0'] input[data-field='en']").FillAsync("Household register");
        await materials.Locator("button.add").ClickAsync();
        await materials.Locator("tr[data-item='1'] input[data-field='zh']").FillAsync("身份证原件");
        await materials.Locator("tr[data-item='1'] input[data-field='en']").FillAsync("Original ID card");
        await materials.Locator("tr[data-item='0'] button.move-down").ClickAsync();
        await Expect(materials.Locator("tr[data-item='0'] input[data-field='zh']")).ToHaveValueAsync("身份证原件");
        await page.Locator(".notice-text[data-text='fees'] input[data-field='fees']").FillAsync("不收费");
        await page.Locator(".notice-text[data-text='fees'] input[data-field='feesEn']").FillAsync("Free of charge");
        await page.Locator(".notice-text[data-text='timeToComplete'] input[data-field='timeToComplete']").FillAsync("当场办结");
        await page.Locator(".notice-text[data-text='timeToComplete'] input[data-field='timeToCompleteEn']").FillAsync("Done on the spot");
        var notes = page.Locator(".notice-list[data-list='notes']");
        await notes.Locator("button.add").ClickAsync();
        await notes.Locator("tr[data-item='0'] input[data-field='zh']").FillAsync("请本人到场");
        await notes.Locator("tr[data-item='0'] input[data-field='en']").FillAsync("Come in person");
        await Expect(page.Locator("#check-status")).ToHaveTextAsync("校验通过，可以保存", new() { Timeout = 5_000 });

        // A material without its English: the validator's refusal beside the notice, gone with the item.
        await materials.Locator("button.add").ClickAsync();
        await materials.Locator("tr[data-item='2'] input[data-field='zh']").FillAsync("房产证");
        var noticeError = page.Locator("[data-error='notice']");
        await Expect(noticeError).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(noticeError).ToContainTextAsync("AA");
        await Expect(noticeError).ToContainTextAsync("英文");
        Assert.True(await page.EvaluateAsync<int>(KioskLayoutTests.HorizontalOverflow) <= 0, "the page is wider than 1920");
        AssertNone(await Axe.ViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "config-notice");
        await materials.Locator("tr[data-item='2'] button.remove").ClickAsync();
        await Expect(noticeError).ToBeHiddenAsync(new() { Timeout = 5_000 });

        // The booking share down to 20%, the one-trip days and the cases' deadlines: one save.
        await page.Locator("#booking-fields input[data-field='defaultShare']").FillAsync("20");
        await page.Locator("#onetrip-fields input[data-field='oneTripDays']").FillAsync("45");
        await page.Locator("#deadline-fields input[data-field='followUpWorkingDays']").FillAsync("7");
        await Expect(page.Locator("#check-status")).ToHaveTextAsync("校验通过，可以保存", new() { Timeout = 5_000 });
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#check-status")).ToHaveTextAsync("已保存（版本 2），各终端已生效", new() { Timeout = 10_000 });

        var stored = await fixture.Api.GetAsync($"/api/halls/{hallId}");
        var notice = stored.GetProperty("themes")[0].GetProperty("notice");
        Assert.Equal("身份证原件|户口簿", string.Join('|', notice.GetProperty("materials").EnumerateArray().Select(m => m.GetString())));
        Assert.Equal("Original ID card|Household register", string.Join('|', notice.GetProperty("materialsEn").EnumerateArray().Select(m => m.GetString())));
        Assert.Equal((0.2, 45), (stored.GetProperty("booking").GetProperty("defaultShare").GetDouble(), stored.GetProperty("oneTripDays").GetInt32()));
        var deadlines = await fixture.Api.GetAsync($"/api/halls/{hallId}/cases/settings");
        Assert.Equal((7, 3), (deadlines.GetProperty("followUpWorkingDays").GetInt32(), deadlines.GetProperty("notDoneWorkingDays").GetInt32()));
        // Deadlines out of the cases' range: refused at the deadlines, the configuration not saved again.
        await page.Locator("#deadline-fields input[data-field='notDoneWorkingDays']").FillAsync("99");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#deadlines-error")).ToContainTextAsync("notDoneWorkingDays", new() { Timeout = 10_000 });
        await Expect(page.Locator("#check-status")).ToHaveTextAsync("办理期限未保存：见“办理期限”处的提示");
        await Expect(page.Locator("#version")).ToHaveTextAsync("配置版本 2");
        await page.Locator("#deadline-fields input[data-field='notDoneWorkingDays']").FillAsync("4");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#deadlines-error")).ToBeHiddenAsync(new() { Timeout = 10_000 });
        await Expect(page.Locator("#check-status")).ToHaveTextAsync("已保存（版本 2），各终端已生效");
        deadlines = await fixture.Api.GetAsync($"/api/halls/{hallId}/cases/settings");
        Assert.Equal((7, 4), (deadlines.GetProperty("followUpWorkingDays").GetInt32(), deadlines.GetProperty("notDoneWorkingDays").GetInt32()));
        var after = await FirstSlotCapacityAsync(hallId);
        Assert.True(after < before, $"a slot took {before} bookings at the default share and {after} at 20%");

        // The kiosk's 办事须知 shows what was saved, in Chinese and in English.
        var kiosk = await fixture.OpenAsync($"/kiosk/{hallId}", 1080, 1920);
        await kiosk.Locator("button.notice-open[data-notice='AA']").ClickAsync(new() { Timeout = 10_000 });
        await Expect(kiosk.Locator(".notice-materials li")).ToHaveTextAsync(["身份证原件", "户口簿"]);
        await Expect(kiosk.Locator(".notice-fees p")).ToHaveTextAsync("不收费");
        await Expect(kiosk.Locator(".notice-time p")).ToHaveTextAsync("当场办结");
        await Expect(kiosk.Locator(".notice-notes li")).ToHaveTextAsync(["请本人到场"]);
        await kiosk.Locator("#notice-close").ClickAsync();
        await kiosk.Locator("[data-lang-toggle]").First.ClickAsync();
        await kiosk.Locator("button.notice-open[data-notice='AA']").ClickAsync();
        await Expect(kiosk.Locator(".notice-materials li")).ToHaveTextAsync(["Original ID card", "Household register"]);
        await Expect(kiosk.Locator(".notice-fees p")).ToHaveTextAsync("Free of charge");
        await Expect(kiosk.Locator(".notice-notes li")).ToHaveTextAsync(["Come in person"]);

        // English and 1366×768: nothing wider than the screen, axe-clean.
        await page.SetViewportSizeAsync(1366, 768);
        await page.Locator("[data-lang-toggle]").ClickAsync();
        await Expect(page.Locator("h2[data-i18n='notice']")).ToHaveTextAsync("What to bring (notice)");
        Assert.True(await page.EvaluateAsync<int>(KioskLayoutTests.HorizontalOverflow) <= 0, "the page is wider than 1366");
        AssertNone(await Axe.ViolationsAsync(page));
        await page.Locator("#notice-card").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "config-notice-1366-en");
        await kiosk.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAlertsMoveIsAppliedFromTheManagerPageTheWindowSwitchesAndItIsUndone()
    {
        var hallId = "moves-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Api.ConfigureHallAsync(hallId, TestHalls.Small(hallId, ["AA", "BB"], WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB")));
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/sign-in", new { staffId = "move-staff", staffName = "测试员" });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/themes/BB/tickets", new { channel = "Kiosk", priority = "Normal", requestId = Guid.NewGuid().ToString() });

        var terminal = await fixture.OpenAsync($"/window/{hallId}/1", 1366, 768);
        await Expect(terminal.Locator("#lines tr")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        var manager = await fixture.OpenAsync($"/manager/{hallId}", 1920, 1080);
        // Nobody serves BB: the guardian advises window 1 (AA, idle) to take it.
        var apply = manager.Locator("li.alert[data-theme='BB'] button.move-apply");
        await Expect(apply).ToBeVisibleAsync(new() { Timeout = 40_000 });
        await apply.ClickAsync();
        await Expect(manager.Locator("#moves-status")).ToHaveTextAsync("已应用：1号窗口优先办理BB事项", new() { Timeout = 10_000 });
        await Expect(manager.Locator("#moves-list li.moved[data-window='1']")).ToContainTextAsync("BB事项 → AA事项");

        // The window's terminal lists BB first now.
        await Expect(terminal.Locator("#lines tr")).ToHaveCountAsync(2, new() { Timeout = 10_000 });
        await Expect(terminal.Locator("#lines tr").First).ToHaveAttributeAsync("data-theme", "BB");

        await manager.Locator("#moves-list button.move-undo[data-window='1']").ClickAsync();
        await Expect(manager.Locator("#moves-status")).ToHaveTextAsync("已撤销：1号窗口恢复原受理范围", new() { Timeout = 10_000 });
        await Expect(manager.Locator("#moves-list li.moved")).ToHaveCountAsync(0);
        await Expect(terminal.Locator("#lines tr")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(terminal.Locator("#lines tr").First).ToHaveAttributeAsync("data-theme", "AA");

        var events = await fixture.Api.GetAsync($"/api/halls/{hallId}/events?after=0&max=100");
        var moves = events.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "WindowProfileChanged" && e.TryGetProperty("actorId", out _)).ToList();
        Assert.Equal(2, moves.Count);
        AssertNone(await Axe.ViolationsAsync(manager));

        await terminal.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task TheAdvicesPlanIsEditedCellByCellAndApplied()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await fixture.Api.PostToAsync($"/api/halls/binjiang/advice/{day}/compute", new { });
        var manager = await fixture.OpenAsync($"/manager/binjiang", 1920, 1080);
        await manager.Locator("#advice-date").FillAsync(day);
        await manager.Locator("#advice-date").DispatchEventAsync("change");
        await manager.Locator("#advice-edit").ClickAsync();
        await Expect(manager.Locator("#whatif-date")).ToHaveValueAsync(day);
        await Expect(manager.Locator("#whatif-plan")).ToHaveValueAsync("tidal");

        // Window 5 at 09:00: cycle its cell to 税务 (usual → 不动产登记 → 税务), whatever the advice put there.
        var cell = manager.Locator("#whatif-grid tr[data-window='5'] td button[data-interval='18']");
        await Expect(cell).ToBeVisibleAsync(new() { Timeout = 15_000 });
        for (var i = 0; i < 5 && await cell.TextContentAsync() != "税务"; i++)
        {
            await cell.ClickAsync();
        }

        await Expect(cell).ToHaveTextAsync("税务");
        await manager.Locator("#whatif-apply").ClickAsync();
        await manager.Locator("#whatif-confirm-apply").ClickAsync();
        await Expect(manager.Locator("#whatif-status")).ToContainTextAsync($"已将此方案应用到 {day}", new() { Timeout = 10_000 });

        var advice = await fixture.Api.GetAsync($"/api/halls/binjiang/advice/{day}");
        Assert.Equal(JsonValueKind.String, advice.GetProperty("appliedAt").ValueKind);
        var five = advice.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("windowNo").GetInt32() == 5);
        var k = five.GetProperty("themes").GetArrayLength() == 0 ? -1 : advice.GetProperty("intervals").EnumerateArray().Select(x => x.GetInt32()).ToList().IndexOf(18);
        Assert.Equal("SW", five.GetProperty("themes")[k].GetString());
        var sequence = (await fixture.Api.GetAsync("/api/halls/binjiang/snapshot")).GetProperty("sequence").GetInt64();
        var recent = await fixture.Api.GetAsync($"/api/halls/binjiang/events?after={Math.Max(0, sequence - 200)}&max=1000");
        var applied = recent.EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "TidalPlanApplied");
        Assert.Equal((day, BrowserFixture.AdministratorUserName), (applied.GetProperty("reason").GetString(), applied.GetProperty("actorId").GetString()));
        await fixture.Api.PostToAsync($"/api/halls/binjiang/advice/{day}/undo", new { });
        await manager.Context.CloseAsync();
    }

    /// <summary>The capacity of theme AA's first slot tomorrow, as GET /booking/slots gives it.</summary>
    private async Task<int> FirstSlotCapacityAsync(string hallId)
    {
        var slots = await fixture.Api.GetAsync($"/api/halls/{hallId}/booking/slots?theme=AA");
        var days = slots.GetProperty("themes")[0].GetProperty("days");
        return days[1].GetProperty("slots")[0].GetProperty("capacity").GetInt32();
    }

    private static void AssertNone(IReadOnlyList<string> violations) => Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
}

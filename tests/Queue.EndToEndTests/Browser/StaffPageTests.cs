using Queue.Contracts.Model;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The manager page's staff performance table and the one-trip figures, on a hall of its own: two people at two windows,
/// one citizen (by phone) back after a 没办成. The table sorts by a clicked heading, the export links carry the period and
/// answer a file; the big screen's one-trip tile and the manager's one-trip summary show 50.0 % (one of two known visits
/// was a return); the section passes axe (WCAG 2.1 AA).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffPageTests(BrowserFixture fixture)
{
    private const string ChartLoaded = "id => { const i = document.getElementById(id); return !!i && i.complete && i.naturalWidth > 0; }";

    [Fact]
    public async Task TheStaffTableSortsByAHeadingExportsAndTheOneTripRateShowsOnTheBigScreen()
    {
        var hallId = "staff-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Api.ConfigureHallAsync(hallId, TestHalls.Small(hallId, ["AA"], WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("AA")));
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/sign-in", new { staffId = "li-staff", staffName = "李" });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/2/sign-in", new { staffId = "wang-staff", staffName = "王" });
        await Serve(hallId, 2, "13800138000", "NotDone");
        await Serve(hallId, 2, "13800138000", "Done");
        await Serve(hallId, 1, null, "Done");

        var manager = await fixture.OpenAsync($"/manager/{hallId}", 1920, 1080);
        var rows = manager.Locator("#perf-rows tr");
        await Expect(rows).ToHaveCountAsync(2, new() { Timeout = 10_000 });
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("data-key", "wang-staff"); // most served first
        await Expect(rows.Nth(0).Locator("td").Nth(3)).ToHaveTextAsync("1"); // 没办成

        await manager.Locator("#perf-head th[data-key='served']").ClickAsync();
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("data-key", "li-staff");
        await Expect(manager.Locator("#perf-head th[data-key='served']")).ToHaveAttributeAsync("aria-sort", "ascending");
        await manager.Locator("#perf-head th[data-key='notDoneShare']").ClickAsync();
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("data-key", "wang-staff");

        var xlsx = await manager.Locator("#perf-xlsx").GetAttributeAsync("href");
        Assert.Matches(@"/api/halls/staff-[0-9a-f]+/analytics/performance/export\?format=xlsx&from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$", xlsx);
        var answer = await manager.EvaluateAsync<string>("async (u) => { const r = await fetch(u); return r.status + ' ' + r.headers.get('content-type'); }", xlsx);
        Assert.Equal("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", answer);
        await Expect(manager.Locator("#onetrip-summary")).ToContainTextAsync("实现率 50.0%", new() { Timeout = 10_000 });
        await manager.WaitForFunctionAsync(ChartLoaded, "chart-onetrip", new() { Timeout = 20_000 });
        await manager.Locator("#perf-card").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(manager, "manager-staff");
        var violations = await Axe.ViolationsAsync(manager);
        await manager.Context.CloseAsync();
        Assert.True(violations.Length == 0, string.Join("\n", violations));

        var screen = await fixture.OpenAsync($"/screen/{hallId}", 1920, 1080, visitor: Visitor.Administrator);
        await Expect(screen.Locator("[data-kpi='oneTrip']")).ToHaveTextAsync("50.0%", new() { Timeout = 15_000 });
        await screen.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh", "50%（1/2 次）", "2026 年您在本厅办事 2 次")]
    [InlineData("en", "50% (1 of 2)", "you came 2 times")]
    public async Task TheCitizenOpensTheirYearFromTheirTicketLinkOnA390PixelPhone(string lang, string oneTrip, string lead)
    {
        var hallId = "year-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Api.ConfigureHallAsync(hallId, TestHalls.Small(hallId, ["AA"], WindowProfile.Dedicated("AA")));
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/1/sign-in", new { staffId = "year-staff", staffName = "周" });
        await Serve(hallId, 1, "13700137000", "NotDone");
        var ticket = await Serve(hallId, 1, "13700137000", "Done");
        var link = $"/t/{Uri.EscapeDataString(ticket.GetProperty("ticketId").GetString()!)}?k={Uri.EscapeDataString(ticket.GetProperty("accessKey").GetString()!)}&lang={lang}";

        var phone = await fixture.OpenAsync(link, 390, 844, mobile: true, visitor: Visitor.Nobody);
        await phone.Locator("#year summary").ClickAsync();

        var facts = phone.Locator("#year-body .year-fact .value");
        await Expect(facts.Nth(2)).ToHaveTextAsync(oneTrip, new() { Timeout = 10_000 });
        await Expect(phone.Locator("#year-body .year-lead")).ToContainTextAsync(lead.Replace("2026", DateTime.UtcNow.AddHours(8).Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await Expect(phone.Locator("#year-body .year-themes li")).ToHaveCountAsync(1);
        Assert.Equal(390, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        await phone.Locator("#year").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(phone, "ticket-year-" + lang);
        var violations = await Axe.ViolationsAsync(phone);
        await phone.Context.CloseAsync();
        Assert.True(violations.Length == 0, string.Join("\n", violations));
    }

    private async Task<System.Text.Json.JsonElement> Serve(string hallId, int window, string? phone, string outcome)
    {
        var ticket = await fixture.Api.PostToAsync($"/api/halls/{hallId}/themes/AA/tickets", new { channel = "Kiosk", priority = "Normal", requestId = Guid.NewGuid().ToString(), phone });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/{window}/call-next", new { });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/{window}/start", new { });
        await fixture.Api.PostToAsync($"/api/halls/{hallId}/windows/{window}/complete", outcome == "Done" ? new { outcome } : new { outcome, reason = "缺材料" });
        return ticket;
    }
}

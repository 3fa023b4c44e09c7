using Queue.Contracts.Model;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The manager page's 仿真核验 (check by simulation) of the booking capacities at 1920×1080, on a hall of its own whose AA
/// slots take a fixed 60 bookings: the check shows slots that miss in red with a lower suggested capacity, follows the
/// zh/en switch without a new run, and the section passes axe (WCAG 2.1 AA).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SlotCheckPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheManagerChecksTooGenerousSlotsBySimulationAndSeesTheMissesInRedWithASuggestion()
    {
        var hallId = "slotcheck-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Api.ConfigureHallAsync(hallId, TestHalls.Small(hallId, ["AA"], WindowProfile.Dedicated("AA")));
        await fixture.Api.PutAsync($"/api/halls/{hallId}/booking/settings", new { themes = new[] { new { themeCode = "AA", capacity = 60 } } });
        var calendar = await fixture.Api.GetAsync($"/api/halls/{hallId}/booking/slots?theme=AA");
        var date = calendar.GetProperty("themes")[0].GetProperty("days").EnumerateArray().First(d => d.GetProperty("slots").GetArrayLength() > 0).GetProperty("date").GetString()!;

        var manager = await fixture.OpenAsync($"/manager/{hallId}", 1920, 1080);
        await manager.Locator("#slotcheck-date").FillAsync(date);
        await manager.Locator("#slotcheck-run").ClickAsync();

        var missed = manager.Locator("#slotcheck-rows tr.slotcheck-miss");
        await Expect(missed.First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(missed.First.Locator("td").Nth(5)).ToHaveTextAsync("未达标");
        Assert.True(int.Parse(await missed.First.Locator("td").Nth(6).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) < 60);
        await Expect(manager.Locator("#slotcheck-status")).ToContainTextAsync("未达标");
        Assert.Equal("rgb(138, 28, 28)", await missed.First.Locator("td").First.EvaluateAsync<string>("td => getComputedStyle(td).color"));

        await manager.Locator("[data-lang-toggle]").ClickAsync();
        await Expect(missed.First.Locator("td").Nth(5)).ToHaveTextAsync("Misses");
        await Expect(manager.Locator("#slotcheck-run")).ToHaveTextAsync("Check by simulation");
        await manager.Locator("#bookings-check").ScrollIntoViewIfNeededAsync();

        var violations = await Axe.ViolationsAsync(manager);
        await manager.Context.CloseAsync();
        Assert.True(violations.Length == 0, string.Join("\n", violations));
    }
}

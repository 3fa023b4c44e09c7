using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The monthly report page (/report/{hall}) of the demo hall at 1920×1080 in Chinese and English: every section is
/// shown, the five charts load, nothing sticks out sideways; printed (print media emulated) the controls are hidden and
/// the sections remain. Its axe check is in <see cref="ContrastTests"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserFixture fixture)
{
    private static readonly string[] Sections = ["summary", "volumes", "waits", "compliance", "satisfaction", "one-trip", "cases", "staff", "days"];
    private static readonly string[] Charts = ["chart-volumes", "chart-waits", "chart-compliance", "chart-satisfaction", "chart-one-trip"];

    [Theory]
    [InlineData("zh", "月度报告", "打印")]
    [InlineData("en", "Monthly report", "Print")]
    public async Task TheReportShowsEverySectionOnA1080pScreenAndPrintsWithoutItsControls(string lang, string title, string print)
    {
        var page = await fixture.NewPageAsync(1920, 1080, visitor: Visitor.Administrator);
        await page.GotoAsync($"/report/binjiang?lang={lang}");
        // Loaded, or the page's error bar: either way the test says which, with the server's words when it failed.
        await page.WaitForFunctionAsync("() => !!document.body.dataset.loaded || !document.getElementById('error').hidden", null, new() { Timeout = 60_000 });
        var error = await page.Locator("#error").IsVisibleAsync() ? await page.Locator("#error").TextContentAsync() : null;
        Assert.True(error is null, $"the report page shows an error: {error}\n{fixture.ProductOutput[^Math.Min(4000, fixture.ProductOutput.Length)..]}");
        await Expect(page.Locator("h1")).ToContainTextAsync(title);
        await Expect(page.Locator("#print")).ToHaveTextAsync(print);
        foreach (var section in Sections)
        {
            await Expect(page.Locator($"#sec-{section}")).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#totals tbody tr")).ToHaveCountAsync(13);
        await Expect(page.Locator("#cases tbody tr")).ToHaveCountAsync(2);
        Assert.True(await page.Locator("#days tbody tr").CountAsync() >= 1);
        foreach (var chart in Charts)
        {
            await page.WaitForFunctionAsync(
                "id => { const i = document.getElementById(id); return !!i && i.complete && i.naturalWidth > 0; }", chart, new() { Timeout = 30_000 });
        }

        Assert.Matches(@"/api/halls/binjiang/reports/monthly/export\.xlsx\?month=\d{4}-\d\d$", await page.Locator("#xlsx").GetAttributeAsync("href"));
        var overflow = await page.EvaluateAsync<string[]>("""
            () => {
              const bad = [];
              if (document.documentElement.scrollWidth > window.innerWidth) bad.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}`);
              for (const el of document.querySelectorAll('header, header *, main, section, table, img')) {
                if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) bad.push(`${el.tagName}#${el.id}: ${el.scrollWidth} > ${el.clientWidth}`);
              }
              return bad;
            }
            """);
        Assert.Empty(overflow);
        await BrowserFixture.ScreenshotAsync(page, "report-" + lang);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#controls")).ToBeHiddenAsync();
        await Expect(page.Locator("#print")).ToBeHiddenAsync();
        await Expect(page.Locator("#month")).ToBeHiddenAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        foreach (var section in Sections)
        {
            await Expect(page.Locator($"#sec-{section}")).ToBeVisibleAsync();
        }

        // One section per page on paper: every section after the first starts a new one.
        var breaks = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.report-section')].slice(1).map(s => getComputedStyle(s).breakBefore)");
        Assert.All(breaks, b => Assert.Equal("page", b));
        await page.Context.CloseAsync();
    }
}

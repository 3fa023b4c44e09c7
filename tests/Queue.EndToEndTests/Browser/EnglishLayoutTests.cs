using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// In English the big screen and the board keep every column at 1920×1080, and themes are named (Taxation), never
/// shown as their codes (SW), in the tables, the SLA alerts and the charts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EnglishLayoutTests(BrowserFixture fixture)
{
    /// <summary>Cells of <c>selector</c> with no width, or cut off by the viewport or by their panel.</summary>
    private const string HiddenHeaders = """
        (selector) => [...document.querySelectorAll(selector)].map((th) => ({ th, r: th.getBoundingClientRect(), box: th.closest('section').getBoundingClientRect() }))
          .filter(({ r, box }) => r.width <= 0 || r.left < 0 || r.right > Math.min(window.innerWidth, box.right) + 0.5 || r.bottom > Math.min(window.innerHeight, box.bottom) + 0.5)
          .map(({ th, r }) => `${th.textContent} at ${r.left}..${r.right}, ${r.top}..${r.bottom}`)
        """;

    /// <summary>The texts in <c>selector</c> (with a data-theme) that do not carry their theme's English name, or show a bare code.</summary>
    private const string UnnamedThemes = """
        async (selector) => {
          const hall = await (await fetch('/api/halls/binjiang')).json();
          const codes = hall.themes.map((t) => t.code);
          return [...document.querySelectorAll(selector)].filter((node) => {
            const text = node.textContent;
            const theme = hall.themes.find((t) => t.code === node.dataset.theme);
            return !text.includes(theme.nameEn) || codes.some((code) => new RegExp(`\\b${code}\\b`).test(text));
          }).map((node) => node.textContent);
        }
        """;

    [Fact]
    public async Task TheBigScreenInEnglishKeepsEveryColumnAndNamesTheThemes()
    {
        var screen = await fixture.OpenAsync("/screen/binjiang?lang=en", 1920, 1080, visitor: Visitor.Board);
        await Expect(screen.Locator("#lines tr[data-theme='SBYB'] td.theme")).ToContainTextAsync("Social and medical insurance", new() { Timeout = 10_000 });
        await Expect(screen.Locator("#alerts .alert:visible").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await screen.WaitForFunctionAsync("() => [...document.images].every((i) => i.complete && i.naturalWidth > 0)", null, new() { Timeout = 20_000 });
        await BrowserFixture.ScreenshotAsync(screen, "screen-en");

        Assert.Equal(4, await screen.Locator(".screen-table thead th").CountAsync());
        Assert.Empty(await screen.EvaluateAsync<string[]>(HiddenHeaders, ".screen-table thead th"));
        // The themes table pages round whole rows (the rest are hidden until their turn): every shown row keeps every cell.
        Assert.True(await screen.Locator("#lines tr:not([hidden])").CountAsync() > 0);
        Assert.Empty(await screen.EvaluateAsync<string[]>(HiddenHeaders, "#lines tr:not([hidden]) td"));

        Assert.Empty(await screen.EvaluateAsync<string[]>(UnnamedThemes, "#alerts .alert"));
        Assert.Empty(await screen.EvaluateAsync<string[]>(UnnamedThemes, "#lines tr"));
        await screen.Context.CloseAsync();
    }

    [Fact]
    public async Task TheBoardInEnglishShowsTheWaitColumn()
    {
        var board = await fixture.OpenAsync("/board/binjiang?lang=en", 1920, 1080, visitor: Visitor.Board);
        await Expect(board.Locator("#lines tr[data-theme='SBYB'] td.eta")).Not.ToBeEmptyAsync(new() { Timeout = 10_000 });
        await BrowserFixture.ScreenshotAsync(board, "board-en");

        Assert.Empty(await board.EvaluateAsync<string[]>(HiddenHeaders, ".line-table thead th"));
        Assert.Empty(await board.EvaluateAsync<string[]>(HiddenHeaders, "#lines td"));

        Assert.Empty(await board.EvaluateAsync<string[]>(UnnamedThemes, "#lines tr"));
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task TheManagersAlertsAndSatisfactionChartNameTheThemesInEnglish()
    {
        var manager = await fixture.OpenAsync("/manager/binjiang?lang=en", 1600, 1200);
        await BrowserFixture.ScreenshotAsync(manager, "manager-en");
        Assert.Empty(await manager.EvaluateAsync<string[]>(UnnamedThemes, "li.alert"));

        var svg = await manager.EvaluateAsync<string>("async () => await (await fetch('/charts/binjiang/satisfaction.svg?lang=en')).text()");

        Assert.Contains("Taxation", svg, StringComparison.Ordinal);
        Assert.DoesNotMatch(@">\s*(SW|GJJ|XSE|SBYB|BDC)\s*<", svg);
        await manager.Context.CloseAsync();
    }
}

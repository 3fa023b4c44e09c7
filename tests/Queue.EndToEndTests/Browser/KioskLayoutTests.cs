using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The kiosk at every size it is installed at: a 390 px phone, a 1080×1920 portrait totem and a 1920×1080 landscape
/// screen, in Chinese and English. Nothing sticks out sideways, no button breaks its label one character per line, the
/// theme buttons fill a screen, and the issued slip with its buttons is wholly on screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KioskLayoutTests(BrowserFixture fixture)
{
    /// <summary>
    /// Each visible button's text runs (a label) with more lines than it has words: a spaced label may break between its
    /// words, a CJK label of up to four characters not at all, a longer one every four characters at most.
    /// </summary>
    internal const string WrappedButtonLabels = """
        () => {
          const bad = [];
          for (const button of document.querySelectorAll('button')) {
            if (!button.offsetParent) continue;
            const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent.trim();
              if (!text) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4))).size;
              const allowed = /\s/.test(text) ? text.split(/\s+/).length : Math.max(1, Math.ceil(text.length / 4));
              if (lines > allowed) bad.push(`${text}: ${lines} lines`);
            }
          }
          return bad;
        }
        """;

    internal const string HorizontalOverflow = "() => document.documentElement.scrollWidth - window.innerWidth";

    [Theory]
    [InlineData(390, 844, "zh")]
    [InlineData(390, 844, "en")]
    [InlineData(1080, 1920, "zh")]
    [InlineData(1080, 1920, "en")]
    [InlineData(1920, 1080, "zh")]
    [InlineData(1920, 1080, "en")]
    public async Task TheKioskFitsItsScreenAndItsSlipIsWhollyVisible(int width, int height, string lang)
    {
        var phone = width < 700;
        var kiosk = await fixture.OpenAsync($"/kiosk/binjiang?lang={lang}", width, height, mobile: phone, visitor: Visitor.Kiosk);
        await Expect(kiosk.Locator("button.theme[data-theme='SW'] .theme-facts")).Not.ToBeEmptyAsync(new() { Timeout = 5_000 });
        await BrowserFixture.ScreenshotAsync(kiosk, $"kiosk-{width}x{height}-{lang}");

        Assert.True(await kiosk.EvaluateAsync<int>(HorizontalOverflow) <= 0, "the theme list is wider than the screen");
        Assert.Empty(await kiosk.EvaluateAsync<string[]>(WrappedButtonLabels));
        if (!phone)
        {
            // On a screen the buttons share its height: the last one ends near the bottom, not half way down.
            var last = await kiosk.Locator("button.theme").Last.BoundingBoxAsync();
            Assert.True(last!.Y + last.Height >= height * 0.8, $"the last theme button ends at {last.Y + last.Height} of {height}");
        }

        await kiosk.Locator("button.theme[data-theme='SW']").ClickAsync();

        await Expect(kiosk.Locator("#issued")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(kiosk.Locator("#slip-qr svg")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(kiosk, $"kiosk-ticket-{width}x{height}-{lang}");
        foreach (var selector in new[] { "#slip", "#print", "#back" })
        {
            var box = await kiosk.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width + 0.5 && box.Y + box.Height <= height + 0.5,
                $"{selector} at {box.X},{box.Y} {box.Width}×{box.Height} is not inside the {width}×{height} viewport");
        }

        Assert.True(await kiosk.EvaluateAsync<int>(HorizontalOverflow) <= 0, "the slip is wider than the screen");
        Assert.Empty(await kiosk.EvaluateAsync<string[]>(WrappedButtonLabels));
        await kiosk.Context.CloseAsync();
    }
}

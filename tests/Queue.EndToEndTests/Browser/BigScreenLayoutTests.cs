using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// The big screen on a 1920×1080 and a 3840×2160 wall (device scale 1), in Chinese and English, for the demo hall and
/// for a hall of 40 windows and 14 themes (made here through PUT /api/halls/wall40, with windows calling, serving and
/// paused, and nine lines that no open window serves, so nine SLA alerts): the document never scrolls, every visible
/// element lies inside the viewport, nothing cuts its content (no ellipsis, no clipped box), text is at least 1.6 % of
/// a 16:9 screen's height (17 px at 1080p, 35 px at 2160p), a list longer than its panel pages until its last item has
/// been shown, and axe finds no WCAG 2.1 AA violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BigScreenLayoutTests(BrowserFixture fixture)
{
    private const string WallHall = "wall40";
    private static readonly SemaphoreSlim WallLock = new(1, 1);
    private static bool _wallReady;

    /// <summary>Everything that breaks "fits the wall": each entry names the element and what is wrong.</summary>
    internal const string Misfits = """
        () => {
          const bad = [];
          const w = window.innerWidth, h = window.innerHeight, de = document.documentElement;
          const u = Math.min(h / 100, w * 0.005625);
          if (de.scrollWidth > w || de.scrollHeight > h) bad.push(`the document scrolls: ${de.scrollWidth}×${de.scrollHeight}`);
          const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '')
            + (el.dataset.window ? `[${el.dataset.window}]` : el.dataset.theme ? `[${el.dataset.theme}]` : '');
          for (const el of document.body.querySelectorAll('*')) {
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || el.closest('[hidden]') || !el.getClientRects().length) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5) {
              bad.push(`${name(el)} at ${Math.round(r.left)},${Math.round(r.top)}..${Math.round(r.right)},${Math.round(r.bottom)} is outside ${w}×${h}`);
            }
            if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) bad.push(`${name(el)}: its content sticks out sideways or is cut (${el.scrollWidth} > ${el.clientWidth})`);
            if (style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1) bad.push(`${name(el)} cuts its content (${el.scrollHeight} > ${el.clientHeight})`);
            if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) bad.push(`${name(el)} ends in an ellipsis`);
            const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
            if (ownText && parseFloat(style.fontSize) < 1.6 * u - 0.05) bad.push(`${name(el)} "${el.textContent.trim().slice(0, 20)}" is ${style.fontSize}, under ${(1.6 * u).toFixed(1)}px`);
          }
          return bad;
        }
        """;

    [Theory]
    [InlineData(1920, 1080, "binjiang", "zh")]
    [InlineData(1920, 1080, "binjiang", "en")]
    [InlineData(1920, 1080, WallHall, "zh")]
    [InlineData(1920, 1080, WallHall, "en")]
    [InlineData(3840, 2160, "binjiang", "zh")]
    [InlineData(3840, 2160, "binjiang", "en")]
    [InlineData(3840, 2160, WallHall, "zh")]
    [InlineData(3840, 2160, WallHall, "en")]
    public async Task TheBigScreenFitsItsWallWithNothingCutOrScrolled(int width, int height, string hall, string lang)
    {
        var windows = 20;
        if (hall == WallHall)
        {
            await EnsureWallHallAsync();
            windows = 40;
        }

        var screen = await fixture.OpenAsync($"/screen/{hall}?lang={lang}", width, height, visitor: Visitor.Administrator);
        // Less motion: the figures and pages are drawn at once, so the check sees no half-way frame.
        await screen.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await Expect(screen.Locator("#windows .win")).ToHaveCountAsync(windows, new() { Timeout = 10_000 });
        await Expect(screen.Locator("#alerts .alert").First).ToBeAttachedAsync(new() { Timeout = 20_000 });
        await screen.WaitForFunctionAsync("() => [...document.images].every((i) => i.complete && i.naturalWidth > 0)", null, new() { Timeout = 20_000 });
        // docs/pages.md shows two of them: screen-3840x2160 and screen-40-windows.
        await BrowserFixture.ScreenshotAsync(screen, (hall, width, lang) switch
        {
            ("binjiang", 3840, "zh") => "screen-3840x2160",
            (WallHall, 1920, "zh") => "screen-40-windows",
            _ => $"screen-{hall}-{width}x{height}-{lang}",
        });

        AssertNone(await screen.EvaluateAsync<string[]>(Misfits));
        AssertNone(await Axe.ViolationsAsync(screen));

        if (hall == WallHall && width == 1920)
        {
            // The lists that do not fit turn their pages: the last window and theme come round (the alerts: below), and still fit.
            await Expect(screen.Locator("#windows-page")).Not.ToBeEmptyAsync();
            await Expect(screen.Locator(".win[data-window='40']")).ToBeVisibleAsync(new() { Timeout = 25_000 });
            await Expect(screen.Locator("#lines tr").Last).ToBeVisibleAsync(new() { Timeout = 25_000 });
            AssertNone(await screen.EvaluateAsync<string[]>(Misfits));
        }

        await screen.Context.CloseAsync();
    }

    /// <summary>
    /// Every alert's whole message is on the screen (wrapped, never cut with an ellipsis) in both languages, turned a
    /// page at a time when they are more than the band holds.
    /// </summary>
    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task EveryAlertIsShownInFull(string lang)
    {
        await EnsureWallHallAsync();
        var screen = await fixture.OpenAsync($"/screen/{WallHall}?lang={lang}", 1920, 1080, visitor: Visitor.Administrator);
        await screen.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await screen.WaitForFunctionAsync("() => document.querySelectorAll('#alerts .alert').length >= 8", null, new() { Timeout = 20_000 });
        var messages = await fixture.Api.GetAsync($"/api/halls/{WallHall}/alerts");
        var expected = messages.EnumerateArray().Select(a => a.GetProperty(lang == "en" ? "messageEn" : "messageZh").GetString()!).ToHashSet();
        Assert.True(expected.Count >= 8, $"{expected.Count} alerts");

        var seen = new HashSet<string>();
        for (var turn = 0; turn < 16 && !expected.IsSubsetOf(seen); turn++)
        {
            var shown = await screen.EvaluateAsync<string[]>("""
                () => {
                  const band = document.getElementById('alerts').getBoundingClientRect();
                  return [...document.querySelectorAll('#alerts .alert')].filter((a) => !a.hidden).map((a) => {
                    const r = a.getBoundingClientRect();
                    const inside = r.top >= band.top - 0.5 && r.bottom <= band.bottom + 0.5 && r.left >= band.left - 0.5 && r.right <= band.right + 0.5;
                    return inside && a.scrollWidth <= a.clientWidth ? a.lastChild.textContent : 'cut: ' + a.textContent;
                  });
                }
                """);
            Assert.DoesNotContain(shown, s => s.StartsWith("cut: ", StringComparison.Ordinal));
            seen.UnionWith(shown);
            await screen.WaitForTimeoutAsync(8_500);
        }

        Assert.Subset(seen, expected);
        Assert.DoesNotContain(seen, s => s.EndsWith('…'));
        await screen.Context.CloseAsync();
    }

    /// <summary>
    /// The themes table's wait column is the board's: the one estimate's range ("10–20 分钟", or the fallback's single
    /// figure) for a line an open window serves, 暂无窗口受理 for one no open window serves (the paused window's theme and
    /// the eight themes only closed windows serve), "—" for an empty line. Outside opening hours the hall has no forecast
    /// and shows single figures, so the shared formatter is then made to give every served line the widest range the
    /// column may show (100–120) and the screen redrawn: the wall still fits.
    /// </summary>
    [Theory]
    [InlineData("zh", "分钟", "暂无窗口受理", 1920, 1080)]
    [InlineData("en", "min", "No window serving", 1920, 1080)]
    [InlineData("en", "min", "No window serving", 3840, 2160)]
    public async Task TheWaitColumnShowsTheBoardsRangeOrSaysNoWindowServesTheLine(string lang, string unit, string noWindow, int width, int height)
    {
        await EnsureWallHallAsync();
        var screen = await fixture.OpenAsync($"/screen/{WallHall}?lang={lang}", width, height, visitor: Visitor.Administrator);
        await screen.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await Expect(screen.Locator("#lines tr")).ToHaveCountAsync(14, new() { Timeout = 10_000 });
        var snapshot = await fixture.Api.GetAsync($"/api/halls/{WallHall}/snapshot");
        foreach (var line in snapshot.GetProperty("themes").EnumerateArray())
        {
            var cell = screen.Locator($"#lines tr[data-theme='{line.GetProperty("themeCode").GetString()}'] td:last-child");
            // The API leaves out a null: no figure, no open window serving the line.
            var served = line.TryGetProperty("projectedWaitMinutes", out var projected) && projected.ValueKind == System.Text.Json.JsonValueKind.Number;
            if (line.GetProperty("waiting").GetInt32() == 0)
            {
                await Expect(cell).ToHaveTextAsync("—");
            }
            else if (!served)
            {
                await Expect(cell).ToHaveTextAsync(noWindow);
            }
            else
            {
                await Expect(cell).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($@"^\d+(\.\d)?(–\d+)? {unit}$"));
            }
        }

        Assert.Equal(9, await screen.Locator("#lines td.no-window").CountAsync());
        Assert.True(await screen.Locator("#lines td.wait:not(.no-window)").CountAsync() >= 5, "the served lines show their wait");

        // The shared formatter made to answer the widest range for every served line, then the screen redrawn (as on a resize).
        await screen.EvaluateAsync("""
            () => {
              const range = Q.waitRange;
              Q.waitRange = (point) => range(point, 100, 120);
              window.dispatchEvent(new Event('resize'));
            }
            """);
        var widest = screen.Locator("#lines td.wait", new() { HasTextString = $"100–120 {unit}" });
        await Expect(widest.First).ToBeAttachedAsync(new() { Timeout = 5_000 });
        Assert.True(await widest.CountAsync() >= 5, "every served line shows the widest range");
        AssertNone(await screen.EvaluateAsync<string[]>(Misfits));
        await screen.Context.CloseAsync();
    }

    /// <summary>
    /// The demo hall's configuration as a hall of 40 windows and 14 themes: windows 1 to 6 each serve one of the first six
    /// themes and are signed in (three calling, one of them serving, one paused), the other 34 are comprehensive and
    /// closed, so the eight other themes, each with someone waiting, have no window: eight alerts, nine with the paused window's.
    /// </summary>
    private async Task EnsureWallHallAsync()
    {
        await WallLock.WaitAsync();
        try
        {
            if (_wallReady)
            {
                return;
            }

            var hall = JsonNode.Parse((await fixture.Api.GetAsync("/api/halls/binjiang")).GetRawText())!.AsObject();
            hall["hallId"] = WallHall;
            hall["name"] = "测试大厅（40个窗口）";
            hall["nameEn"] = "Test hall (40 windows)";
            var themes = hall["themes"]!.AsArray();
            string[][] more =
            [
                ["YL", "养老保险", "Pension insurance"], ["JY", "就业创业", "Employment and entrepreneurship"], ["MZ", "民政婚姻", "Civil affairs and marriage"],
                ["WS", "卫生健康", "Health"], ["JT", "交通运输", "Transport"], ["SC", "市场监管", "Market regulation"],
            ];
            foreach (var (theme, i) in more.Select((t, i) => (t, i)))
            {
                themes.Add(new JsonObject
                {
                    ["code"] = theme[0], ["name"] = theme[1], ["nameEn"] = theme[2], ["prefix"] = ((char)('J' + i)).ToString(),
                    ["zoneId"] = "ms", ["targetMinutes"] = 30, ["expectedServiceMinutes"] = 10,
                });
            }

            var codes = themes.Select(t => t!["code"]!.GetValue<string>()).ToList();
            var zones = hall["zones"]!.AsArray().Select(z => z!["zoneId"]!.GetValue<string>()).ToList();
            hall["windows"] = new JsonArray([.. Enumerable.Range(1, 40).Select(no => (JsonNode)new JsonObject
            {
                ["windowNo"] = no,
                ["zoneId"] = zones[(no - 1) % zones.Count],
                ["profile"] = no <= 6
                    ? new JsonObject { ["kind"] = "Dedicated", ["themes"] = new JsonArray(codes[no - 1]) }
                    : new JsonObject { ["kind"] = "Comprehensive", ["themes"] = new JsonArray() },
            })]);

            using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Api.Token);
            await SendAsync(http, HttpMethod.Put, $"/api/halls/{WallHall}", hall);
            foreach (var code in codes)
            {
                for (var n = 0; n < 2; n++)
                {
                    await SendAsync(http, HttpMethod.Post, $"/api/halls/{WallHall}/themes/{code}/tickets",
                        new { channel = "Kiosk", priority = "Normal", requestId = Guid.NewGuid().ToString() });
                }
            }

            for (var no = 1; no <= 6; no++)
            {
                await SendAsync(http, HttpMethod.Post, $"/api/halls/{WallHall}/windows/{no}/sign-in", new { staffId = $"w{no:000}", staffName = $"窗口员{no}" });
            }

            foreach (var no in new[] { 1, 2, 3 })
            {
                await SendAsync(http, HttpMethod.Post, $"/api/halls/{WallHall}/windows/{no}/call-next", new { });
            }

            await SendAsync(http, HttpMethod.Post, $"/api/halls/{WallHall}/windows/1/start", new { });
            await SendAsync(http, HttpMethod.Post, $"/api/halls/{WallHall}/windows/4/pause", new { reason = "午休" });
            _wallReady = true;
        }
        finally
        {
            WallLock.Release();
        }
    }

    /// <summary>Fails with every entry on its own line, not xunit's first few.</summary>
    private static void AssertNone(string[] problems) => Assert.True(problems.Length == 0, string.Join("\n", problems));

    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// Every page meets WCAG 2.1 AA as axe-core checks it (colour contrast above all: a hall serves the elderly and the
/// visually impaired, and GB/T 37668 asks the same), in Chinese and in English, in the states people see: the big
/// screen and the manager page with SLA alerts, the kiosk before and after issuing, the sign-in page with its error,
/// the window terminal signed out and with a ticket called, the board, the LED and the citizen's phone with that call. The configuration page is checked as loaded and with a validator refusal shown.
/// Window 11 (税务专窗) is this class's own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContrastTests(BrowserFixture fixture)
{
    private const int Window = 11;
    private static readonly SemaphoreSlim CallLock = new(1, 1);
    private static IssuedTicket? _called;

    public static TheoryData<string, string> Pages => new()
    {
        { "screen", "zh" }, { "screen", "en" }, { "board", "zh" }, { "board", "en" }, { "kiosk", "zh" }, { "kiosk", "en" },
        { "window", "zh" }, { "window", "en" }, { "manager", "zh" }, { "manager", "en" }, { "admin", "zh" }, { "admin", "en" },
        { "login", "zh" }, { "login", "en" }, { "ticket", "zh" }, { "ticket", "en" }, { "called", "zh" }, { "called", "en" },
        { "config", "zh" }, { "config", "en" },
        { "remote", "zh" }, { "remote", "en" }, { "entrance", "zh" }, { "entrance", "en" },
        { "report", "zh" }, { "report", "en" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPageMeetsWcagAaColourContrastIncluded(string name, string lang)
    {
        var violations = new List<string>();
        var opened = new List<IPage>();
        async Task CheckAsync(IPage page, string state)
        {
            opened.Add(page);
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{state}: {v}"));
        }

        switch (name)
        {
            case "screen":
                var screen = await fixture.OpenAsync($"/screen/binjiang?lang={lang}", 1920, 1080, visitor: Visitor.Board);
                await screen.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
                await Expect(screen.Locator("#alerts .alert:visible").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
                await Expect(screen.Locator("#lines tr").First).ToBeVisibleAsync();
                await CheckAsync(screen, "big screen with alerts");
                break;
            case "board":
                var board = await fixture.OpenAsync($"/board/binjiang?lang={lang}", 1920, 1080, visitor: Visitor.Board);
                await Expect(board.Locator("#lines tr").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await CheckAsync(board, "board");
                break;
            case "kiosk":
                var kiosk = await fixture.OpenAsync($"/kiosk/binjiang?lang={lang}", 1080, 1920, visitor: Visitor.Kiosk);
                await Expect(kiosk.Locator("button.theme[data-theme='SW'] .theme-facts")).Not.ToBeEmptyAsync(new() { Timeout = 5_000 });
                await CheckAsync(kiosk, "kiosk");
                await kiosk.Locator("button.theme[data-theme='SW']").ClickAsync();
                await Expect(kiosk.Locator("#slip-qr svg")).ToBeVisibleAsync(new() { Timeout = 5_000 });
                await CheckAsync(kiosk, "kiosk slip");
                break;
            case "window":
                var signedOut = await fixture.OpenAsync($"/window/binjiang/9?lang={lang}", 1366, 768);
                await Expect(signedOut.Locator("#sign-in")).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await CheckAsync(signedOut, "window terminal signed out");
                break;
            case "manager":
                var manager = await fixture.OpenAsync($"/manager/binjiang?lang={lang}", 1600, 1200);
                await Expect(manager.Locator("li.alert").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
                await CheckAsync(manager, "manager with alerts");
                break;
            case "admin":
                var admin = await fixture.NewPageAsync(1600, 1000, visitor: Visitor.Administrator);
                await admin.GotoAsync($"/admin?lang={lang}");
                await Expect(admin.Locator("#admin-main")).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await Expect(admin.Locator("#accounts tr").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await CheckAsync(admin, "admin");
                // The webhooks section with a receiver that refuses (port 9): its test delivery is retried, with its error and next retry shown.
                await admin.EvaluateAsync($$"""
                    async () => {
                      const post = (url, body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
                      const hook = await post('/api/halls/binjiang/webhooks', { url: 'http://127.0.0.1:9/contrast-{{lang}}', eventTypes: ['ticket.called', 'ticket.near_turn'] });
                      await fetch('/api/halls/binjiang/webhooks/' + hook.endpointId + '/test', { method: 'POST' });
                    }
                    """);
                await admin.ReloadAsync();
                await Expect(admin.Locator("#wh-endpoints tr[data-webhook]").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await Expect(admin.Locator("#wh-log tbody tr").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await CheckAsync(admin, "admin with webhooks");
                break;
            case "login":
                var login = await fixture.NewPageAsync(1366, 768);
                await login.GotoAsync($"/login?lang={lang}");
                await Expect(login.Locator("#login-form")).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await CheckAsync(login, "sign-in");
                await login.Locator("#user-name").FillAsync("nobody.here");
                await login.Locator("#password").FillAsync("not-the-password");
                await login.Locator("#submit").ClickAsync();
                await Expect(login.Locator("#error")).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await CheckAsync(login, "sign-in refused");
                break;
            case "ticket":
                var waiting = await fixture.Api.IssueAsync("GJJ");
                var phone = await fixture.OpenAsync($"{waiting.Link}&lang={lang}", 390, 844, mobile: true, visitor: Visitor.Nobody);
                await Expect(phone.Locator("#number")).ToHaveTextAsync(waiting.DisplayNumber, new() { Timeout = 10_000 });
                await CheckAsync(phone, "ticket waiting");
                break;
            case "called":
                var called = await CallOneAsync();
                var calledPhone = await fixture.OpenAsync($"{called.Link}&lang={lang}", 390, 844, mobile: true, visitor: Visitor.Nobody);
                await Expect(calledPhone.Locator("#call-text")).Not.ToBeEmptyAsync(new() { Timeout = 10_000 });
                await CheckAsync(calledPhone, "ticket called");
                var terminal = await fixture.OpenAsync($"/window/binjiang/{Window}?lang={lang}", 1366, 768);
                await Expect(terminal.Locator("#current-number")).ToHaveTextAsync(called.DisplayNumber, new() { Timeout = 10_000 });
                await CheckAsync(terminal, "window terminal calling");
                var led = await fixture.OpenAsync($"/led/binjiang/{Window}?lang={lang}", 1280, 400, visitor: Visitor.Board);
                await Expect(led.Locator("#led-number")).ToHaveTextAsync(called.DisplayNumber, new() { Timeout = 10_000 });
                await CheckAsync(led, "LED calling");
                var calledBoard = await fixture.OpenAsync($"/board/binjiang?lang={lang}", 1920, 1080, visitor: Visitor.Board);
                await Expect(calledBoard.Locator("#newest-number")).Not.ToBeEmptyAsync(new() { Timeout = 10_000 });
                await CheckAsync(calledBoard, "board with a call");
                break;
            case "config":
                var config = await fixture.NewPageAsync(1920, 1080, visitor: Visitor.Administrator);
                await config.GotoAsync($"/config/binjiang?lang={lang}");
                await Expect(config.Locator("#config-main")).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await Expect(config.Locator("#themes tr").First).ToBeVisibleAsync();
                await CheckAsync(config, "configuration");
                await config.Locator("#themes tr").First.Locator("input[data-field='prefix']").FillAsync("a1");
                await Expect(config.Locator("[data-error='themes']")).ToBeVisibleAsync(new() { Timeout = 5_000 });
                await CheckAsync(config, "configuration with a refusal");
                break;
            case "remote":
                var remote = await fixture.NewPageAsync(390, 844, mobile: true);
                await remote.GotoAsync($"/remote/binjiang?lang={lang}");
                await Expect(remote.Locator(".theme-row").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await CheckAsync(remote, "remote ticket page");
                break;
            case "entrance":
                var entrance = await fixture.OpenAsync($"/entrance/binjiang?lang={lang}", 1080, 1920, visitor: Visitor.Board);
                await Expect(entrance.Locator("#qr svg")).ToBeVisibleAsync(new() { Timeout = 10_000 });
                await CheckAsync(entrance, "entrance display, portrait");
                break;
            case "report":
                var report = await fixture.NewPageAsync(1920, 1080, visitor: Visitor.Administrator);
                await report.GotoAsync($"/report/binjiang?lang={lang}");
                await report.WaitForFunctionAsync("() => !!document.body.dataset.loaded || !document.getElementById('error').hidden", null, new() { Timeout = 60_000 });
                Assert.False(await report.Locator("#error").IsVisibleAsync(), $"the report page shows an error: {await report.Locator("#error").TextContentAsync()}");
                await CheckAsync(report, "monthly report");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "no such page");
        }

        foreach (var page in opened.Distinct())
        {
            await page.Context.CloseAsync();
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>A ticket of ours called at window 11 (税务): the window calls and finishes the tickets ahead of it first. Once per run.</summary>
    private async Task<IssuedTicket> CallOneAsync()
    {
        await CallLock.WaitAsync();
        try
        {
            if (_called is not null)
            {
                return _called;
            }

            var mine = await fixture.Api.IssueAsync("SW", name: "李四");
            await fixture.Api.SignInAsync(Window);
            for (var i = 0; i < 60; i++)
            {
                if (await fixture.Api.CallNextAsync(Window) == mine.DisplayNumber)
                {
                    return _called = mine;
                }

                await fixture.Api.WindowAsync(Window, "start");
                await fixture.Api.WindowAsync(Window, "complete");
            }

            throw new InvalidOperationException($"window {Window} did not reach {mine.DisplayNumber} in 60 calls");
        }
        finally
        {
            CallLock.Release();
        }
    }
}

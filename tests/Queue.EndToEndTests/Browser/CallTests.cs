using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>A call made at a window reaches the board (seen and spoken) and the citizen's phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CallTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 5_000 };

    [Fact]
    public async Task StaffPressingCallNextOnTheWindowPageShowsTheCallOnTheBoardAndOnTheCitizensPhone()
    {
        var ticket = await fixture.Api.IssueAsync("HJ", name: "张三");
        await fixture.Api.SignInAsync(19);
        var board = await fixture.OpenAsync("/board/binjiang", 1920, 1080, visitor: Visitor.Board);
        var phone = await fixture.OpenAsync(ticket.Link, 390, 844, mobile: true, visitor: Visitor.Nobody);
        var terminal = await fixture.OpenAsync("/window/binjiang/19", 1366, 768);
        await Expect(phone.Locator("#number")).ToHaveTextAsync(ticket.DisplayNumber, Soon);
        await Expect(phone.Locator("#status")).ToHaveTextAsync("排队中", Soon);
        // The predicted wait on the phone and the board: a range (预计 10–20 分钟 / 10–20 分钟) from the hall's forward simulation,
        // one figure only from the closed-form fallback (outside opening hours), as each page's formatter writes them.
        await Expect(phone.Locator("#wait")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(预计 \\d+–\\d+ 分钟|约 \\d+ 分钟|马上到您)$"), Soon);
        Assert.Equal("预计 10–20 分钟", await phone.EvaluateAsync<string>("() => Q.waitRange(14.2, 10, 20)"));
        await Expect(board.Locator("#lines tr[data-theme='HJ'] td.eta")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(—|\\d+–\\d+ 分钟|\\d+ 分钟)$"), Soon);
        Assert.Equal("10–20 分钟", await board.EvaluateAsync<string>("() => Q.waitRange(14.2, 10, 20)"));
        await BrowserFixture.ScreenshotAsync(phone, "ticket");

        await terminal.Locator("button[data-cmd='call-next']").ClickAsync();

        await Expect(terminal.Locator("#current-number")).ToHaveTextAsync(ticket.DisplayNumber, Soon);
        await Expect(board.Locator("#newest-number")).ToHaveTextAsync(ticket.DisplayNumber, Soon);
        await Expect(board.Locator("#newest-window")).ToHaveTextAsync("19号窗口", Soon);
        await Expect(board.Locator("#newest-name")).ToHaveTextAsync("张*", Soon); // masked by the server; the call's event carries it
        await Expect(terminal.Locator("#current-citizen")).ToHaveTextAsync("办事人：张*", Soon);
        await Expect(phone.Locator("#call-text")).ToHaveTextAsync($"请{ticket.DisplayNumber}号到19号窗口", Soon);
        await Expect(phone.Locator("#call-zone")).ToContainTextAsync("公安服务区", new() { Timeout = 5_000 });
        await BrowserFixture.ScreenshotAsync(phone, "ticket-called");
        await BrowserFixture.ScreenshotAsync(terminal, "window");
        await BrowserFixture.ScreenshotAsync(board, "board");

        await terminal.Keyboard.PressAsync("F3"); // the shortcut shown on 开始办理
        await Expect(terminal.Locator("#state")).ToHaveTextAsync("办理中", Soon);
        await Expect(phone.Locator("#status")).ToHaveTextAsync("正在办理", Soon);
        await board.Context.CloseAsync();
        await phone.Context.CloseAsync();
        await terminal.Context.CloseAsync();
    }

    [Fact]
    public async Task TheBoardSpeaksACallInChineseWithZoneAndWindowAndSpeaksARecallAgain()
    {
        await fixture.Api.IssueAsync("CRJ");
        await fixture.Api.SignInAsync(20);
        var board = await fixture.OpenAsync("/board/binjiang", 1920, 1080, visitor: Visitor.Board);

        var number = await fixture.Api.CallNextAsync(20);
        await fixture.Api.RecallAsync(20);

        await board.WaitForFunctionAsync("() => window.__queueSpeech.length >= 2", null, new() { Timeout = 5_000 });
        var spoken = await board.EvaluateAsync<string[]>("() => window.__queueSpeech");
        Assert.Equal([$"请{number}号到公安服务区20号窗口办理", $"再次呼叫，请{number}号到公安服务区20号窗口办理"], spoken);
        await board.Context.CloseAsync();
    }

    /// <summary>
    /// No Chinese voice is installed here, so the test stands in a speech engine that takes 600 ms per utterance
    /// and records overlaps and cancels; the board's own queue is what is under test.
    /// </summary>
    private const string SlowSpeechEngine = """
        (() => {
          const log = window.__engine = { active: 0, maxActive: 0, spoken: [], cancels: 0 };
          speechSynthesis.cancel = () => { log.cancels++; };
          speechSynthesis.speak = (u) => {
            log.active++; log.maxActive = Math.max(log.maxActive, log.active); log.spoken.push(u.text);
            setTimeout(() => { log.active--; u.onend && u.onend(new Event('end')); }, 600);
          };
        })();
        """;

    [Fact]
    public async Task TwoCallsInARowAreSpokenOneAfterTheOtherWithoutCuttingEachOther()
    {
        await fixture.Api.IssueAsync("BDC");
        await fixture.Api.IssueAsync("BDC");
        await fixture.Api.SignInAsync(1);
        await fixture.Api.SignInAsync(2);
        var board = await fixture.OpenAsync("/board/binjiang", 1920, 1080, initScript: SlowSpeechEngine, visitor: Visitor.Board);

        var first = await fixture.Api.CallNextAsync(1);
        var second = await fixture.Api.CallNextAsync(2);

        await board.WaitForFunctionAsync("() => window.__engine.spoken.length >= 2 && window.__engine.active === 0", null, new() { Timeout = 5_000 });
        string[] expected = [$"请{first}号到不动产登记区1号窗口办理", $"请{second}号到不动产登记区2号窗口办理"];
        Assert.Equal(expected, await board.EvaluateAsync<string[]>("() => window.__queueSpeech"));
        Assert.Equal(expected, await board.EvaluateAsync<string[]>("() => window.__engine.spoken"));
        Assert.Equal(1, await board.EvaluateAsync<int>("() => window.__engine.maxActive"));
        Assert.Equal(0, await board.EvaluateAsync<int>("() => window.__engine.cancels"));
        await board.Context.CloseAsync();
    }
}

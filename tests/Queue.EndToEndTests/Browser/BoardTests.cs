using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Queue.EndToEndTests.Browser;

/// <summary>The board flashes its call box for calls only, and says so when its address names no zone of the hall.
/// Window 16 is this class's own.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardTests(BrowserFixture fixture)
{
    // Counts every time the call box is given its highlight animation.
    private const string CountFlashes = """
        () => {
          const list = document.getElementById('newest').classList;
          const add = list.add.bind(list);
          window.__flashes = 0;
          list.add = (...names) => { if (names.includes('flash')) window.__flashes++; add(...names); };
        }
        """;

    [Fact]
    public async Task ATicketIssuedWhileTheBoardIsOpenDoesNotFlashTheCallBoxButACallDoes()
    {
        var board = await fixture.OpenAsync("/board/binjiang", 1920, 1080, visitor: Visitor.Board);
        await board.EvaluateAsync(CountFlashes);
        var before = await board.EvaluateAsync<long>("() => window.__queueLive.lastSequence()");

        await fixture.Api.IssueAsync("GJJ");

        await board.WaitForFunctionAsync("b => window.__queueLive.lastSequence() > b", before, new() { Timeout = 5_000 });
        await board.WaitForTimeoutAsync(500); // anything else the issue brings
        Assert.Equal(0, await board.EvaluateAsync<int>("() => window.__flashes"));

        await fixture.Api.SignInAsync(16);
        var number = await fixture.Api.CallNextAsync(16);
        await Expect(board.Locator("#newest-number")).ToHaveTextAsync(number, new() { Timeout = 5_000 });
        await board.WaitForFunctionAsync("() => window.__flashes >= 1", null, new() { Timeout = 5_000 });
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task ABoardThatSeesAGapInTheSequenceAsksForASnapshotOnceAndCarriesOnWithTheEvents()
    {
        var board = await fixture.OpenAsync("/board/binjiang", 1920, 1080, visitor: Visitor.Board);
        var before = await board.EvaluateAsync<long>("() => window.__queueLive.lastSequence()");

        // A batch that starts past the next sequence: events were lost on the way (a lane that dropped its oldest).
        await board.EvaluateAsync("b => window.__queueLive.receive({ hallId: 'binjiang', from: b + 5, to: b + 5, events: [] })", before);

        await board.WaitForFunctionAsync("() => window.__queueLive.resyncs() === 1", null, new() { Timeout = 5_000 });
        var resynced = await board.EvaluateAsync<long>("() => window.__queueLive.lastSequence()");
        Assert.InRange(resynced, before, before + 4); // the hall's own sequence from the snapshot, not the bogus batch's
        await fixture.Api.IssueAsync("GJJ");
        await board.WaitForFunctionAsync("s => window.__queueLive.lastSequence() > s", resynced, new() { Timeout = 5_000 });
        Assert.Equal(1, await board.EvaluateAsync<int>("() => window.__queueLive.resyncs()"));
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task ABoardForAZoneTheHallDoesNotHaveSaysSoAndDoesNotConnect()
    {
        var board = await fixture.NewPageAsync(1920, 1080, visitor: Visitor.Board);
        await board.GotoAsync("/board/binjiang/nowhere");

        await Expect(board.Locator("#no-calls")).ToContainTextAsync("本大厅没有区域“nowhere”", new() { Timeout = 10_000 });
        await Expect(board.Locator("#no-calls")).ToContainTextAsync("This hall has no zone \"nowhere\"");
        Assert.True(await board.EvaluateAsync<bool>("() => window.__queueLive === undefined"));
        await board.Context.CloseAsync();
    }
}

using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Queue.Contracts;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.WebTests.Http;

namespace Queue.WebTests.Live;

[Collection(QueueWebCollection.Name)]
public sealed class HubTests(QueueWebFactory factory)
{
    [Fact]
    public async Task ACallMadeThroughTheApiReachesTheBoardTheWindowAndTheTicketOnceAndInOrder()
    {
        var hall = await NewHall(WindowProfile.Dedicated("BDC"));
        using var http = factory.CreateClient();
        var ticket = await Issue(http, hall);
        await using var board = await HubClient.ConnectAsync(factory);
        await using var everything = await HubClient.ConnectAsync(factory);
        await using var window = await HubClient.ConnectAsync(factory);
        await using var phone = await HubClient.ConnectAsync(factory, token: null);
        var boardStart = await board.Connection.InvokeAsync<HallSnapshot>("WatchHall", hall, "z");
        var hallStart = await everything.Connection.InvokeAsync<HallSnapshot>("WatchHall", hall, null);
        await window.Connection.InvokeAsync<HallSnapshot>("WatchWindow", hall, 1);
        await phone.Connection.InvokeAsync<object>("WatchTicket", ticket.TicketId, ticket.AccessKey);

        await Post(http, $"/api/halls/{hall}/windows/1/sign-in", new { staffId = "s1", staffName = "张三" });
        await Post(http, $"/api/halls/{hall}/windows/1/call-next", new { });

        static bool Called(HubClient c) => c.Events.Any(e => e.Kind == HallEventKind.TicketCalled);
        await Task.WhenAll(board.Until(Called), everything.Until(Called), window.Until(Called),
            phone.Until(c => c.Tickets.Any(t => t.Status == TicketStatus.Called)));

        foreach (var client in new[] { board, everything, window })
        {
            var call = Assert.Single(client.Events, e => e.Kind == HallEventKind.TicketCalled);
            Assert.Equal("A001", call.DisplayNumber);
            Assert.Equal(1, call.WindowNo);
            Assert.All(client.Events, e => Assert.Null(e.TicketId));
        }

        var sequences = everything.Events.Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range((int)hallStart.Sequence + 1, sequences.Count).Select(i => (long)i), sequences);
        Assert.True(board.Events.All(e => e.Sequence > boardStart.Sequence));
        var called = Assert.Single(phone.Tickets, t => t.Status == TicketStatus.Called);
        Assert.Equal(1, called.WindowNo);
        Assert.Equal(ticket.TicketId, called.TicketId);
    }

    [Fact]
    public async Task ABoardThatMissedEventsWhileAwayIsMadeWholeByTheSnapshotWhenItComesBack()
    {
        var hall = await NewHall(WindowProfile.Dedicated("BDC"), WindowProfile.Dedicated("BDC"));
        using var http = factory.CreateClient();
        await using (var board = await HubClient.ConnectAsync(factory))
        {
            await board.Connection.InvokeAsync<HallSnapshot>("WatchHall", hall, null);
        }

        // While the board is away: three tickets, two windows calling.
        for (var i = 0; i < 3; i++)
        {
            await Issue(http, hall);
        }

        await Post(http, $"/api/halls/{hall}/windows/1/sign-in", new { staffId = "s1", staffName = "张三" });
        await Post(http, $"/api/halls/{hall}/windows/2/sign-in", new { staffId = "s2", staffName = "李四" });
        await Post(http, $"/api/halls/{hall}/windows/1/call-next", new { });
        await Post(http, $"/api/halls/{hall}/windows/2/call-next", new { });

        await using var back = await HubClient.ConnectAsync(factory);
        var snapshot = await back.Connection.InvokeAsync<HallSnapshot>("WatchHall", hall, null);
        Assert.Equal("A001", snapshot.Windows.Single(w => w.WindowNo == 1).Current?.DisplayNumber);
        Assert.Equal("A002", snapshot.Windows.Single(w => w.WindowNo == 2).Current?.DisplayNumber);
        Assert.Equal(1, snapshot.Themes.Single(t => t.ThemeCode == "BDC").Waiting);

        // And the stream continues exactly after the snapshot's sequence. A batch in flight when the board joined may
        // repeat what the snapshot already holds; a client skips those (live.js), so the test does too.
        await Post(http, $"/api/halls/{hall}/windows/1/recall", new { });
        await back.Until(c => c.Events.Any(e => e.Kind == HallEventKind.TicketRecalled));
        Assert.Equal(snapshot.Sequence + 1, back.Events.First(e => e.Sequence > snapshot.Sequence).Sequence);
    }

    [Fact]
    public async Task APhoneSeesItsPlaceInTheLineMoveWhenTheTicketAheadIsCalled()
    {
        var hall = await NewHall(WindowProfile.Dedicated("BDC"));
        using var http = factory.CreateClient();
        await Issue(http, hall);
        var mine = await Issue(http, hall);
        await using var phone = await HubClient.ConnectAsync(factory, token: null);
        var watch = await phone.Connection.InvokeAsync<TicketWatchView>("WatchTicket", mine.TicketId, mine.AccessKey);
        Assert.Equal(["A001", "A002"], watch.Line!.Waiting.ToArray());

        await Post(http, $"/api/halls/{hall}/windows/1/sign-in", new { staffId = "s1", staffName = "张三" });
        await Post(http, $"/api/halls/{hall}/windows/1/call-next", new { });

        await phone.Until(c => c.Lines.Any(l => l.Waiting.SequenceEqual(["A002"]) && l.ServingWindows > 0));
    }

    [Fact]
    public async Task AZoneBoardGetsEveryBatchRangeSoItCanTellAGapFromAnotherZonesEvents()
    {
        var hallId = "live-" + Guid.NewGuid().ToString("N")[..8];
        var config = TestHalls.Small(hallId, ["BDC", "SW"], WindowProfile.Dedicated("BDC"), WindowProfile.Dedicated("SW"));
        config = config with
        {
            Zones = config.Zones.Add(new Contracts.Config.ZoneConfig("y", "税务区", "Tax")),
            Themes = [config.Themes[0], config.Themes[1] with { ZoneId = "y" }],
            Windows = [config.Windows[0], config.Windows[1] with { ZoneId = "y" }],
        };
        using var http = factory.CreateClient();
        (await http.PutAsJsonAsync($"/api/halls/{hallId}", config, QueueJson.Options)).EnsureSuccessStatusCode();
        await using var board = await HubClient.ConnectAsync(factory);
        var start = await board.Connection.InvokeAsync<HallSnapshot>("WatchHall", hallId, "z");

        var sw = await http.PostAsJsonAsync($"/api/halls/{hallId}/themes/SW/tickets", new { channel = "Kiosk" });
        sw.EnsureSuccessStatusCode();
        var bdc = await Issue(http, hallId);
        await board.Until(c => c.Events.Any(e => e.Kind == HallEventKind.TicketIssued));

        var batches = board.Batches.ToList();
        Assert.Equal(start.Sequence + 1, batches[0].From);
        Assert.All(batches.Zip(batches.Skip(1)), pair => Assert.Equal(pair.First.To + 1, pair.Second.From));
        var issued = Assert.Single(board.Events, e => e.Kind == HallEventKind.TicketIssued);
        Assert.Equal(bdc.DisplayNumber, issued.DisplayNumber);
        Assert.Contains(batches, b => b.Events.Count == 0);
    }

    [Fact]
    public async Task WatchingAnUnknownHallIsRefusedWithItsCode()
    {
        await using var board = await HubClient.ConnectAsync(factory);
        var refused = await Assert.ThrowsAsync<HubException>(() => board.Connection.InvokeAsync<HallSnapshot>("WatchHall", "no-such-hall", null));
        Assert.Contains("\"code\":\"hall-not-found\"", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"messageZh\":\"找不到大厅 no-such-hall\"", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"messageEn\":\"Hall no-such-hall not found\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchingAWindowTheHallDoesNotHaveIsRefusedWithItsCodeAndLogsNoErrorNorStackTrace()
    {
        await using var terminal = await HubClient.ConnectAsync(factory);
        var before = factory.Logs.Entries.Count;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => terminal.Connection.InvokeAsync<HallSnapshot>("WatchWindow", "binjiang", 99));
            Assert.Contains("\"code\":\"window-not-found\"", refused.Message, StringComparison.Ordinal);
            Assert.Contains("\"messageZh\":\"大厅 binjiang 没有 99 号窗口\"", refused.Message, StringComparison.Ordinal);
        }

        var unknownHall = await Assert.ThrowsAsync<HubException>(() => terminal.Connection.InvokeAsync<HallSnapshot>("WatchWindow", "no-such-hall", 1));
        Assert.Contains("\"code\":\"hall-not-found\"", unknownHall.Message, StringComparison.Ordinal);

        // A refusal is the caller's mistake, not the server's: nothing at error, and no refusal's stack trace at any level.
        var logged = factory.Logs.Entries.Skip(before).ToList();
        Assert.DoesNotContain(logged, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logged, e => e.Exception is QueueRuleException || e.Exception?.InnerException is QueueRuleException);
    }

    private async Task<string> NewHall(params WindowProfile[] windows)
    {
        var hallId = "live-" + Guid.NewGuid().ToString("N")[..8];
        using var http = factory.CreateClient();
        var response = await http.PutAsJsonAsync($"/api/halls/{hallId}", TestHalls.Small(hallId, ["BDC", "SW"], windows), QueueJson.Options);
        response.EnsureSuccessStatusCode();
        return hallId;
    }

    private static async Task<TicketSnapshot> Issue(HttpClient http, string hall)
    {
        var response = await http.PostAsJsonAsync($"/api/halls/{hall}/themes/BDC/tickets", new { channel = "Kiosk", priority = "Normal" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketSnapshot>(QueueJson.Options))!;
    }

    private static async Task Post(HttpClient http, string path, object body) =>
        (await http.PostAsJsonAsync(path, body)).EnsureSuccessStatusCode();

    /// <summary>The shape of the hub's WatchTicket answer, as a client sees it.</summary>
    private sealed record TicketWatchView(TicketSnapshot Ticket, LineView? Line, int NearTurnReminder);
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Queue.Contracts;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Live;
using Queue.WebTests.Http;

namespace Queue.WebTests.Live;

/// <summary>
/// Boards get events, not a snapshot per call (<see cref="EventRouter"/>): a call carries what a board shows, the lines'
/// figures come on a slow refresh, and each hall's fan-out runs in its own lane that no command and no other hall waits on.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class EventRouterTests(QueueWebFactory factory)
{
    private const int Calls = 8;

    [Fact]
    public async Task ABoardGetsEveryCallAsAnEventInOrderWithTheMaskedNameAndNoSnapshotPerCall()
    {
        var hall = "router-" + Guid.NewGuid().ToString("N")[..8];
        using var http = factory.CreateClient();
        (await http.PutAsJsonAsync($"/api/halls/{hall}", TestHalls.Small(hall, ["BDC", "SW"], WindowProfile.Dedicated("BDC")), QueueJson.Options)).EnsureSuccessStatusCode();
        for (var i = 0; i < Calls; i++)
        {
            (await http.PostAsJsonAsync($"/api/halls/{hall}/themes/BDC/tickets", new { channel = "Kiosk", priority = "Normal", name = "张三" })).EnsureSuccessStatusCode();
        }

        await Post(http, $"/api/halls/{hall}/windows/1/sign-in", new { staffId = "s1", staffName = "李四" });
        await using var board = await HubClient.ConnectAsync(factory);
        await using var zoneBoard = await HubClient.ConnectAsync(factory);
        await using var screen = await HubClient.ConnectAsync(factory);
        var start = await board.Connection.InvokeAsync<HallSnapshot>("WatchHall", hall, null);
        await zoneBoard.Connection.InvokeAsync<HallSnapshot>("WatchHall", hall, "z");
        await screen.Connection.InvokeAsync<HallSnapshot>("WatchManager", hall);

        var clock = Stopwatch.StartNew(); // from before the first call to after the last figures: what bounds the refreshes
        for (var i = 0; i < Calls; i++)
        {
            await Post(http, $"/api/halls/{hall}/windows/1/call-next", new { });
            await Post(http, $"/api/halls/{hall}/windows/1/start", new { });
            await Post(http, $"/api/halls/{hall}/windows/1/complete", new { outcome = "Done" });
        }

        static bool AllCalled(HubClient c) => c.Events.Count(e => e.Kind == HallEventKind.TicketCalled) == Calls;
        await Task.WhenAll(board.Until(AllCalled), zoneBoard.Until(AllCalled), screen.Until(AllCalled));
        // The lines' figures after the last call arrive on the slow refresh: nobody waits any more.
        var lastSequence = board.Events.Max(e => e.Sequence);
        await board.Until(c => c.Figures.Any(f => f.Sequence >= lastSequence && f.Themes.Single(t => t.ThemeCode == "BDC").Waiting == 0));
        await zoneBoard.Until(c => c.Figures.Any(f => f.Sequence >= lastSequence)); // the same push, to another connection
        await screen.Until(c => c.Snapshots.Any(s => s.Sequence >= lastSequence));
        var elapsed = clock.Elapsed;

        foreach (var client in new[] { board, zoneBoard })
        {
            var calls = client.Events.Where(e => e.Kind == HallEventKind.TicketCalled).ToList();
            Assert.Equal(Enumerable.Range(1, Calls).Select(i => $"A{i:000}"), calls.Select(c => c.DisplayNumber));
            Assert.All(calls, c => Assert.Equal("张*", c.CitizenName));
            Assert.All(calls, c => Assert.Equal(1, c.WindowNo));
            Assert.All(calls, c => Assert.Equal("BDC", c.ThemeCode));
            Assert.All(client.Events, e => Assert.Null(e.TicketId));
            Assert.All(client.Events, e => Assert.Null(e.StaffId));

            // Boards get no pushed snapshot at all (only the one WatchHall answered), and the figures are not one per call:
            // at most one shortly after the first change and one per FiguresEvery after.
            Assert.Empty(client.Snapshots);
            Assert.InRange(client.Figures.Count, 1, 2 + (int)(elapsed / EventRouter.FiguresEvery));
        }

        // The hall board's batches cover the sequence without a hole or a repeat, from just after its snapshot.
        var batches = board.Batches.Where(b => b.To > start.Sequence).ToList();
        Assert.InRange(batches[0].From, 1, start.Sequence + 1);
        Assert.All(batches.Zip(batches.Skip(1)), pair => Assert.Equal(pair.First.To + 1, pair.Second.From));
        Assert.Equal(Enumerable.Range((int)start.Sequence + 1, (int)(lastSequence - start.Sequence)).Select(i => (long)i), board.Events.Select(e => e.Sequence).Where(s => s > start.Sequence && s <= lastSequence));

        // The manager view (the big screen) gets the whole snapshot on the same slow refresh, not one per call.
        Assert.InRange(screen.Snapshots.Count, 1, 2 + (int)(elapsed / EventRouter.FiguresEvery));
        Assert.Empty(screen.Figures);
    }

    [Fact]
    public async Task AHallWhoseFanOutIsStuckHoldsUpNeitherItsEventsSourceNorAnotherHallAndCatchesUpMergedAndInOrder()
    {
        var hub = new GatedHub();
        var router = new EventRouter(factory.Services.GetRequiredService<IGrainFactory>(), hub, new LiveWatches(),
            factory.Services.GetRequiredService<IHostApplicationLifetime>(), NullLogger<EventRouter>.Instance);
        var stuck = "stuck-" + Guid.NewGuid().ToString("N")[..8];
        var free = "free-" + Guid.NewGuid().ToString("N")[..8];
        hub.Close(LiveGroups.Hall(stuck));

        // The first batch is taken and its send hangs; the next ones queue behind it. Post never waits.
        router.Post([Event(stuck, 1)]);
        await hub.Until(() => hub.Sequences(stuck).Count == 1);
        for (var sequence = 2; sequence <= 300; sequence++)
        {
            router.Post([Event(stuck, sequence)]);
        }

        for (var sequence = 1; sequence <= 3; sequence++)
        {
            router.Post([Event(free, sequence)]);
        }

        await hub.Until(() => hub.Sequences(free).Count == 3);
        Assert.Equal([1L, 2L, 3L], hub.Sequences(free));
        Assert.Equal([1L], hub.Sequences(stuck));

        hub.Open(LiveGroups.Hall(stuck));
        await hub.Until(() => hub.Sequences(stuck).Count == 300);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), hub.Sequences(stuck));
        // What queued while the send hung went out merged in one send, not as 299 more.
        Assert.Equal(2, hub.Deliveries(stuck));
    }

    [Fact]
    public async Task ALaneThatOverflowsDropsItsOldestBatchesAndTheBoardSeesTheJumpThatMakesItAskForASnapshot()
    {
        var hub = new GatedHub();
        var router = new EventRouter(factory.Services.GetRequiredService<IGrainFactory>(), hub, new LiveWatches(),
            factory.Services.GetRequiredService<IHostApplicationLifetime>(), NullLogger<EventRouter>.Instance);
        var flooded = "flood-" + Guid.NewGuid().ToString("N")[..8];
        hub.Close(LiveGroups.Hall(flooded));
        var posted = 1 + EventRouter.LaneCapacity + 1100;
        router.Post([Event(flooded, 1)]);
        await hub.Until(() => hub.Sequences(flooded).Count == 1);
        for (var sequence = 2; sequence <= posted; sequence++)
        {
            router.Post([Event(flooded, sequence)]);
        }

        hub.Open(LiveGroups.Hall(flooded));
        await hub.Until(() => hub.Sequences(flooded).LastOrDefault() == posted);

        // The lane kept the newest LaneCapacity batches; the hole was wider than the journal page it may fill, so
        // the next delivery starts after it, and a board (live.js) sees From > last + 1 and asks for a snapshot.
        var sent = hub.Sequences(flooded);
        Assert.Equal(1 + EventRouter.LaneCapacity, sent.Count);
        var batches = hub.Batches(LiveGroups.Hall(flooded));
        Assert.Contains(batches.Zip(batches.Skip(1)), pair => pair.Second.From > pair.First.To + 1);
        Assert.Equal(sent.Order(), sent);
    }

    private static HallEvent Event(string hallId, long sequence) =>
        new(hallId, sequence, DateTimeOffset.UtcNow, HallEventKind.TicketIssued, TicketId: $"t{sequence}", DisplayNumber: $"A{sequence:000}", ThemeCode: "BDC");

    private static async Task Post(HttpClient http, string path, object body) =>
        (await http.PostAsJsonAsync(path, body)).EnsureSuccessStatusCode();

    /// <summary>A hub whose sends to a group can be made to hang (a board that does not read), recording what each group got.</summary>
    private sealed class GatedHub : IHubContext<QueueHub, IQueueClient>
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
        private readonly ConcurrentDictionary<string, ConcurrentQueue<EventBatch>> _sent = new();

        public IHubClients<IQueueClient> Clients => new GatedClients(this);

        public IGroupManager Groups => throw new NotSupportedException();

        public void Close(string group) => _gates[group] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open(string group) => _gates[group].TrySetResult();

        public List<EventBatch> Batches(string group) => [.. _sent.GetOrAdd(group, _ => new())];

        public List<long> Sequences(string hallId) => [.. Batches(LiveGroups.Hall(hallId)).SelectMany(b => b.Events).Select(e => e.Sequence)];

        public int Deliveries(string hallId) => Batches(LiveGroups.Hall(hallId)).Count;

        public async Task Until(Func<bool> condition)
        {
            var clock = Stopwatch.StartNew(); // from before the first call to after the last figures: what bounds the refreshes
            while (!condition())
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "what was awaited did not happen within 10 s");
                await Task.Delay(20);
            }
        }

        private sealed class GatedClients(GatedHub hub) : IHubClients<IQueueClient>
        {
            public IQueueClient All => throw new NotSupportedException();

            public IQueueClient Group(string groupName) => new GroupClient(hub, [groupName]);

            public IQueueClient Groups(IReadOnlyList<string> groupNames) => new GroupClient(hub, groupNames);

            public IQueueClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IQueueClient Client(string connectionId) => throw new NotSupportedException();

            public IQueueClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

            public IQueueClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IQueueClient User(string userId) => throw new NotSupportedException();

            public IQueueClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
        }

        private sealed class GroupClient(GatedHub hub, IReadOnlyList<string> groups) : IQueueClient
        {
            public async Task Events(EventBatch batch)
            {
                foreach (var group in groups)
                {
                    hub._sent.GetOrAdd(group, _ => new()).Enqueue(batch);
                }

                foreach (var group in groups)
                {
                    if (hub._gates.TryGetValue(group, out var gate))
                    {
                        await gate.Task;
                    }
                }
            }

            public Task Hall(HallSnapshot snapshot) => Task.CompletedTask;

            public Task Figures(HallFigures figures) => Task.CompletedTask;

            public Task Ticket(TicketSnapshot ticket) => Task.CompletedTask;

            public Task Line(LineView line) => Task.CompletedTask;
        }
    }
}

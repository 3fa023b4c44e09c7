using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Engine.Persistence;
using Queue.Engine.TimeSeries;
using Queue.Engine.Webhooks;
using Queue.Hosting;
using Xunit.Abstractions;

namespace Queue.GrainTests.Engine;

/// <summary>
/// The hall's feed is handed what each write committed, and the hall snapshot asks each theme once: in their own cluster
/// over a real SQLite file, with a store that counts the hall's journal reads and a filter that counts grain calls. The
/// relays are off and the guardian's round is an hour, so that nothing else reads the journal or asks the themes.
/// </summary>
public sealed class HallFeedTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly Counters _counters = new();
    private QueueClusterFixture? _cluster;

    private IGrainFactory Grains => _cluster!.Grains;

    public async Task InitializeAsync()
    {
        _cluster = new QueueClusterFixture
        {
            ConfigureSilo = silo =>
            {
                silo.Services.Configure<QueueSiloOptions>(o => o.SlaCheckSeconds = 3600);
                silo.Services.Configure<TimeSeriesOptions>(o => o.Enabled = false);
                silo.Services.Configure<WebhookOptions>(o => o.Enabled = false);
                silo.Services.AddSingleton<IStateStore>(sp => new CountingStore(
                    new SqliteStateStore(sp.GetRequiredService<IOptions<QueueSiloOptions>>().Value.DataPath, sp.GetRequiredService<ILogger<SqliteStateStore>>()),
                    sp.GetRequiredService<IGrainContextAccessor>(),
                    _counters));
                silo.AddIncomingGrainCallFilter(context =>
                {
                    _counters.Calls.Enqueue((context.SourceId?.Type.ToString(), context.InterfaceMethod?.DeclaringType?.Name ?? context.InterfaceName, context.InterfaceMethod?.Name ?? context.MethodName));
                    return context.Invoke();
                });
            },
        };
        await _cluster.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConcurrentWritersToSeveralThemesReachAWatcherInOrderExactlyOnce()
    {
        const string hallId = "feed-concurrent";
        string[] themes = ["AA", "BB", "CC"];
        var hall = await Configure(hallId, themes);
        var watcher = await Watch(hall);
        var (from, fromReads) = (_counters.EventsReadBack, _counters.HallReads);

        // 3 themes × 2 writers × 10 issues at once: their commits share group commits, their notifications race.
        await Task.WhenAll(themes.SelectMany(code => Enumerable.Range(0, 2).Select(async writer =>
        {
            for (var i = 0; i < 10; i++)
            {
                await Theme(hallId, code).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, $"{code}-{writer}-{i}"));
            }
        })));

        await watcher.UntilAsync(watcher.Start + 60);
        var (readBack, reads) = (_counters.EventsReadBack - from, _counters.HallReads - fromReads);
        var journal = await hall.GetEventsAsync(watcher.Start, 1000);
        Assert.Equal(60, journal.Count(e => e.Kind == HallEventKind.TicketIssued));

        // The hall sends its batches in order; the transport to a client's observer may deliver one batch before the one
        // sent ahead of it (a web node's EventRouter fills and drops accordingly). So: each batch runs on without a gap,
        // and the batches laid end to end are the journal, every event once.
        var delivered = AssertEndToEnd(watcher);
        Assert.Equal(journal.Select(e => (e.Sequence, e.Kind, e.TicketId)), delivered.Select(e => (e.Sequence, e.Kind, e.TicketId)));
        output.WriteLine($"{delivered.Count} events delivered in {watcher.Batches} batches; {readBack} read back from the journal in {reads} queries");
    }

    [Fact]
    public async Task AGapIsFilledFromTheJournalAndNothingGoesOutTwice()
    {
        const string hallId = "feed-gap";
        var hall = await Configure(hallId, ["AA"]);
        var watcher = await Watch(hall);
        await Theme(hallId, "AA").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "first"));
        await watcher.UntilAsync(watcher.Start + 1);

        // Two events commit and the hall hears of the second only (the first one's notification was lost with its silo):
        // the feed waits for what comes before, then reads it from the journal; a write handed over as usual follows on.
        var store = _cluster!.SiloServices.GetRequiredService<IStateStore>();
        var now = QueueClusterFixture.Start;
        var (_, silent) = await store.WriteAsync("test/feed", hallId, null, [1], [
            new HallEvent(hallId, 0, now, HallEventKind.HallConfigured, Summary: "silent 1"),
            new HallEvent(hallId, 0, now, HallEventKind.HallConfigured, Summary: "silent 2")]);
        var readBack = _counters.EventsReadBack;
        await hall.EventsCommittedAsync([silent[1]]);
        await Theme(hallId, "AA").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "after"));
        await watcher.UntilAsync(silent[1].Sequence + 1);

        // The lost notification turns up late, and another write follows: nothing goes out twice.
        await hall.EventsCommittedAsync([.. silent]);
        await Theme(hallId, "AA").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "later"));
        await watcher.UntilAsync(silent[1].Sequence + 2);

        var delivered = AssertEndToEnd(watcher);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => watcher.Start + i), delivered.Select(e => e.Sequence));
        Assert.Equal(["silent 1", "silent 2"], delivered.Skip(1).Take(2).Select(e => e.Summary));
        Assert.All(delivered.Skip(3).Prepend(delivered[0]), e => Assert.Equal(HallEventKind.TicketIssued, e.Kind));
        Assert.True(_counters.EventsReadBack > readBack, "the gap was filled from the journal");
    }

    [Fact]
    public async Task AHallSnapshotAsksEachThemeOnceAndNoThemeCallsTheHallBack()
    {
        const string hallId = "feed-snapshot";
        string[] themes = ["AA", "BB", "CC", "DD"];
        var hall = await Configure(hallId, themes);
        foreach (var code in themes)
        {
            await Theme(hallId, code).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, code));
        }

        await Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, 1)).SignInAsync(new SignIn("s1", "张三"));
        // The first snapshot reads the last sequence once; the themes and windows were handed the configuration with its
        // change, so neither the first nor the next one makes a theme or a window call the hall back.
        var (_, firstCalls, firstReads) = await Measured(hall, "first");
        var (snapshot, calls, reads) = await Measured(hall, "next");

        // (The hall's forecast timer may ask the themes for their lines meanwhile: only the snapshot's calls are counted.)
        foreach (var measured in new[] { firstCalls, calls })
        {
            Assert.Equal(themes.Length, measured.Count(c => c.Interface == nameof(IThemeQueueGrain) && c.Method == nameof(IThemeQueueGrain.GetStatsAsync)));
            Assert.Equal(1, measured.Count(c => c.Source == "sys.client" && c.Interface == nameof(IHallGrain)));
            Assert.DoesNotContain(measured, c => c.Source is "themequeue" or "window" && c.Interface == nameof(IHallGrain) && c.Method != nameof(IHallGrain.WindowChangedAsync));
        }

        Assert.True(firstReads <= 1);
        Assert.Equal(0, reads);

        // The capacity the themes worked out from what the hall handed down: the one comprehensive window shares itself.
        Assert.Equal(themes.Length, snapshot.Themes.Length);
        Assert.All(snapshot.Themes, t => Assert.Equal(1, t.Waiting));
        Assert.Equal(1, snapshot.Themes.Sum(t => t.ServingWindows), 2);
        Assert.Equal(snapshot.Sequence, (await hall.GetEventsAsync(0, 1000))[^1].Sequence);
    }

    private async Task<(HallSnapshot Snapshot, List<(string? Source, string Interface, string Method)> Calls, long Reads)> Measured(IHallGrain hall, string name)
    {
        _counters.Calls.Clear();
        var reads = _counters.HallReads;
        var snapshot = await hall.GetSnapshotAsync();
        var calls = _counters.Calls.ToList();
        reads = _counters.HallReads - reads;
        foreach (var call in calls.GroupBy(c => c))
        {
            output.WriteLine($"{name}: {call.Count()} × {call.Key.Source} → {call.Key.Interface}.{call.Key.Method}");
        }

        output.WriteLine($"{name}: {calls.Count} grain calls and {reads} journal reads for a snapshot of {snapshot.Themes.Length} themes");
        return (snapshot, calls, reads);
    }

    /// <summary>Each batch runs on without a gap and the batches laid end to end repeat nothing: the events in order.</summary>
    private static List<HallEvent> AssertEndToEnd(Watcher watcher)
    {
        var batches = watcher.All.OrderBy(b => b[0].Sequence).ToList();
        Assert.All(batches, b => Assert.Equal(Enumerable.Range(0, b.Length).Select(i => b[0].Sequence + i), b.Select(e => e.Sequence)));
        var delivered = batches.SelectMany(b => b).ToList();
        Assert.Equal(delivered.Select(e => e.Sequence).Distinct(), delivered.Select(e => e.Sequence));
        return delivered;
    }

    private async Task<IHallGrain> Configure(string hallId, string[] themes)
    {
        var hall = Grains.GetGrain<IHallGrain>(hallId);
        await hall.ConfigureAsync(TestHalls.Small(hallId, themes, WindowProfile.Comprehensive));
        return hall;
    }

    private async Task<Watcher> Watch(IHallGrain hall)
    {
        var start = (await hall.GetSnapshotAsync()).Sequence;
        var watcher = new Watcher(start, output);
        watcher.Reference = Grains.CreateObjectReference<IHallObserver>(watcher);
        await hall.SubscribeAsync(watcher.Reference);
        return watcher;
    }

    private IThemeQueueGrain Theme(string hallId, string code) => Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, code));

    /// <summary>A web node's stand-in: it keeps every batch as it came.</summary>
    private sealed class Watcher(long start, ITestOutputHelper output) : IHallObserver
    {
        private readonly ConcurrentQueue<HallEvent[]> _batches = new();

        public long Start => start;

        public IHallObserver? Reference { get; set; }

        public int Batches => _batches.Count;

        /// <summary>The batches past what the watch started from, as they came.</summary>
        public IReadOnlyList<HallEvent[]> All => [.. _batches.Where(b => b[0].Sequence > start)];

        public Task OnEventsAsync(HallEvent[] events)
        {
            _batches.Enqueue(events);
            return Task.CompletedTask;
        }

        public Task OnFiguresChangedAsync(string hallId) => Task.CompletedTask; // this cluster's forecast runs once an hour

        /// <summary>Everything delivered once the last sequence arrived (or the deadline passed), past what the watch started from.</summary>
        public async Task<List<HallEvent>> UntilAsync(long sequence)
        {
            var deadline = DateTime.UtcNow + Deadline;
            while (DateTime.UtcNow < deadline && !_batches.Any(b => b.Any(e => e.Sequence >= sequence)))
            {
                await Task.Delay(50);
            }

            await Task.Delay(300); // anything sent twice would come close behind
            var all = _batches.SelectMany(b => b).Where(e => e.Sequence > start).ToList();
            output.WriteLine($"delivered: {string.Join(",", all.Select(e => e.Sequence))}");
            return all;
        }
    }

    private sealed class Counters
    {
        private long _hallReads;
        private long _eventsReadBack;

        public ConcurrentQueue<(string? Source, string Interface, string Method)> Calls { get; } = new();

        public long HallReads => Interlocked.Read(ref _hallReads);

        public long EventsReadBack => Interlocked.Read(ref _eventsReadBack);

        public void Read(int events)
        {
            Interlocked.Increment(ref _hallReads);
            Interlocked.Add(ref _eventsReadBack, events);
        }
    }

    /// <summary>The real store, counting the journal reads (event reads and last-sequence reads) made on a hall grain's turn.</summary>
    private sealed class CountingStore(SqliteStateStore inner, IGrainContextAccessor grain, Counters counters) : IStateStore, IAsyncDisposable
    {
        public Task<StoredState?> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(grainType, grainKey, cancellationToken);

        public Task<(long Version, IReadOnlyList<HallEvent> Events)> WriteAsync(
            string grainType, string grainKey, long? expectedVersion, byte[] payload, IReadOnlyList<HallEvent> events, RowChanges? rows = null, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(grainType, grainKey, expectedVersion, payload, events, rows, cancellationToken);

        public Task ClearAsync(string grainType, string grainKey, long? expectedVersion, CancellationToken cancellationToken = default) =>
            inner.ClearAsync(grainType, grainKey, expectedVersion, cancellationToken);

        public async Task<IReadOnlyList<HallEvent>> ReadEventsAsync(string hallId, long afterSequence, int max, CancellationToken cancellationToken = default)
        {
            var onHall = OnHall();
            var events = await inner.ReadEventsAsync(hallId, afterSequence, max, cancellationToken);
            if (onHall)
            {
                counters.Read(events.Count);
            }

            return events;
        }

        public Task<IReadOnlyList<HallEvent>> ReadTicketEventsAsync(string ticketId, CancellationToken cancellationToken = default) =>
            inner.ReadTicketEventsAsync(ticketId, cancellationToken);

        public Task<long> LastSequenceAsync(string hallId, CancellationToken cancellationToken = default)
        {
            if (OnHall())
            {
                counters.Read(0);
            }

            return inner.LastSequenceAsync(hallId, cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        private bool OnHall() => grain.GrainContext?.GrainId.Type.ToString() == "hall";
    }
}

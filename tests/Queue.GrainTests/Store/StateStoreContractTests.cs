using System.Text;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Engine.Persistence;

namespace Queue.GrainTests.Store;

/// <summary>
/// The contract of <see cref="IStateStore"/>, run against every dialect (SQLite and PostgreSQL): optimistic
/// concurrency on the version, events committed with their state or not at all, gap-free hall sequences under
/// concurrent writers, reads after writes, clear. Each test uses its own hall and grain keys.
/// </summary>
public abstract class StateStoreContractTests : IAsyncLifetime
{
    private const string Type = "theme/state";
    private static readonly DateTimeOffset At = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private readonly string _hall = "h" + Guid.NewGuid().ToString("N")[..12];

    protected IStateStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    protected abstract Task<IStateStore> CreateStoreAsync();

    [Fact]
    public async Task AWriteIsReadBackWithItsVersionAndEventsAreNumberedFromOne()
    {
        var (version, events) = await Store.WriteAsync(Type, Key("a"), null, Payload("one"), [Issued("t1"), Issued("t2")]);

        Assert.Equal(1, version);
        Assert.Equal([1L, 2L], events.Select(e => e.Sequence));
        var stored = await Store.ReadAsync(Type, Key("a"));
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal("one", Encoding.UTF8.GetString(stored.Payload));
        Assert.Equal(2, await Store.LastSequenceAsync(_hall));
        var journal = await Store.ReadEventsAsync(_hall, 0, 100);
        Assert.Equal(events, journal);
        Assert.Equal([events[1]], await Store.ReadTicketEventsAsync(Ticket("t2")));
        Assert.Null(await Store.ReadAsync(Type, Key("never")));
    }

    [Fact]
    public async Task AWriteExpectingAStaleVersionFailsAndLeavesTheStateAndTheJournalAlone()
    {
        await Store.WriteAsync(Type, Key("a"), null, Payload("v1"), [Issued("t1")]);
        await Store.WriteAsync(Type, Key("a"), 1, Payload("v2"), [Issued("t2")]);

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.WriteAsync(Type, Key("a"), 1, Payload("stale"), [Issued("t3")]));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.WriteAsync(Type, Key("a"), null, Payload("again"), [Issued("t4")]));

        var stored = await Store.ReadAsync(Type, Key("a"));
        Assert.Equal(2, stored!.Version);
        Assert.Equal("v2", Encoding.UTF8.GetString(stored.Payload));
        Assert.Equal(2, await Store.LastSequenceAsync(_hall));
        Assert.Empty(await Store.ReadTicketEventsAsync(Ticket("t3")));
        var (_, next) = await Store.WriteAsync(Type, Key("a"), 2, Payload("v3"), [Issued("t5")]);
        Assert.Equal(3, next.Single().Sequence);
    }

    [Fact]
    public async Task AConflictFailsOnlyThatWriteAmongConcurrentWrites()
    {
        await Store.WriteAsync(Type, Key("stale"), null, Payload("v1"), []);
        var writes = Enumerable.Range(0, 10)
            .Select(i => i == 5
                ? Store.WriteAsync(Type, Key("stale"), 7, Payload("bad"), [Issued("bad")])
                : Store.WriteAsync(Type, Key($"g{i}"), null, Payload("ok"), [Issued($"t{i}")]))
            .ToList();

        var outcome = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return true;
            }
            catch (StoreConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(9, outcome.Count(ok => ok));
        Assert.False(outcome[5]);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), (await Store.ReadEventsAsync(_hall, 0, 100)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task ConcurrentWritersOfOneHallGetGapFreeSequencesThatMatchTheirBodies()
    {
        const int grains = 8;
        const int rounds = 12;
        var acknowledged = await Task.WhenAll(Enumerable.Range(0, grains).Select(async g =>
        {
            var mine = new List<HallEvent>();
            long? version = null;
            for (var round = 0; round < rounds; round++)
            {
                var events = Enumerable.Range(0, 1 + ((g + round) % 3)).Select(n => Issued($"g{g}r{round}n{n}")).ToList();
                var (next, committed) = await Store.WriteAsync(Type, Key($"g{g}"), version, Payload($"{g}/{round}"), events);
                version = next;
                mine.AddRange(committed);
            }

            return mine;
        }));

        var all = acknowledged.SelectMany(list => list).OrderBy(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(e => e.Sequence));
        var journal = await Store.ReadEventsAsync(_hall, 0, 1000);
        Assert.Equal(all, journal);
        Assert.Equal(all.Count, await Store.LastSequenceAsync(_hall));
        Assert.All(acknowledged, list => Assert.True(list.Zip(list.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence)));
        Assert.Equal(all.Skip(10).Take(5), await Store.ReadEventsAsync(_hall, 10, 5));
    }

    [Fact]
    public async Task ClearRemovesTheStateOnlyAtTheExpectedVersion()
    {
        await Store.WriteAsync(Type, Key("c"), null, Payload("v1"), []);
        await Store.WriteAsync(Type, Key("c"), 1, Payload("v2"), []);

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.ClearAsync(Type, Key("c"), 1));
        Assert.Equal(2, (await Store.ReadAsync(Type, Key("c")))!.Version);
        await Store.ClearAsync(Type, Key("c"), 2);

        Assert.Null(await Store.ReadAsync(Type, Key("c")));
        var (version, _) = await Store.WriteAsync(Type, Key("c"), null, Payload("fresh"), []);
        Assert.Equal(1, version);
    }

    [Fact]
    public async Task EventsOfTwoHallsInOneWriteAreNumberedPerHall()
    {
        var other = _hall + "x";
        var (_, events) = await Store.WriteAsync(Type, Key("two"), null, Payload("x"), [Issued("t1"), Issued("t2", other), Issued("t3")]);

        Assert.Equal([(_hall, 1L), (_hall, 2L), (other, 1L)], events.Select(e => (e.HallId, e.Sequence)).OrderBy(p => p.HallId, StringComparer.Ordinal).ThenBy(p => p.Sequence));
        Assert.Equal(1, await Store.LastSequenceAsync(other));
        Assert.Equal(0, await Store.LastSequenceAsync(_hall + "none"));
    }

    [Fact]
    public async Task RowsAreWrittenWithTheirPayloadChangedOneByOneAndReadBackTogether()
    {
        await Store.WriteAsync(Type, Key("r"), null, Payload("v1"), [Issued("r1")], new RowChanges(false, [Row("t:1", "one"), Row("t:2", "two")]));
        await Store.WriteAsync(Type, Key("r"), 1, Payload("v2"), [], new RowChanges(false, [Row("t:2", "two'"), new StoredRow("t:1", null), Row("t:3", "three")]));
        await Store.WriteAsync(Type, Key("other"), null, Payload("o"), [], new RowChanges(false, [Row("t:1", "not mine")]));

        var stored = await Store.ReadAsync(Type, Key("r"));
        Assert.Equal(("v2", 2L), (Encoding.UTF8.GetString(stored!.Payload), stored.Version));
        Assert.Equal(["t:2=two'", "t:3=three"], Rows(stored));

        // A write without row changes leaves the rows; a replacement leaves only its own.
        await Store.WriteAsync(Type, Key("r"), 2, Payload("v3"), []);
        Assert.Equal(["t:2=two'", "t:3=three"], Rows((await Store.ReadAsync(Type, Key("r")))!));
        await Store.WriteAsync(Type, Key("r"), 3, Payload("v4"), [], new RowChanges(true, [Row("t:9", "nine")]));
        Assert.Equal(["t:9=nine"], Rows((await Store.ReadAsync(Type, Key("r")))!));
        Assert.Equal(["t:1=not mine"], Rows((await Store.ReadAsync(Type, Key("other")))!));
    }

    [Fact]
    public async Task AConflictWritesNoRowAndClearDeletesThem()
    {
        await Store.WriteAsync(Type, Key("rc"), null, Payload("v1"), [], new RowChanges(false, [Row("t:1", "one")]));

        await Assert.ThrowsAsync<StoreConflictException>(() =>
            Store.WriteAsync(Type, Key("rc"), 7, Payload("stale"), [Issued("rc")], new RowChanges(false, [Row("t:1", "stale"), Row("t:2", "stale")])));
        Assert.Equal(["t:1=one"], Rows((await Store.ReadAsync(Type, Key("rc")))!));

        await Store.ClearAsync(Type, Key("rc"), 1);
        Assert.Null(await Store.ReadAsync(Type, Key("rc")));
        await Store.WriteAsync(Type, Key("rc"), null, Payload("again"), []);
        Assert.Empty((await Store.ReadAsync(Type, Key("rc")))!.Rows);
    }

    private static StoredRow Row(string key, string value) => new(key, Encoding.UTF8.GetBytes(value));

    private static List<string> Rows(StoredState stored) => [.. stored.Rows.Select(r => $"{r.Key}={Encoding.UTF8.GetString(r.Payload!)}").Order()];

    private string Key(string name) => $"{_hall}/{name}";

    private string Ticket(string name) => $"{_hall}-{name}";

    private HallEvent Issued(string ticket, string? hall = null) =>
        new(hall ?? _hall, 0, At, HallEventKind.TicketIssued, TicketId: Ticket(ticket), DisplayNumber: "A001", ThemeCode: "SW", Priority: PriorityClass.Normal, Channel: IssueChannel.Kiosk);

    private static byte[] Payload(string text) => Encoding.UTF8.GetBytes(text);
}

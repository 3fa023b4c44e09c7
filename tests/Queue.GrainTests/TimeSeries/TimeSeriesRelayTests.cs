using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Queue.Contracts.Events;
using Queue.Engine.Persistence;
using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;
using static Queue.TestSupport.TestEvents;

namespace Queue.GrainTests.TimeSeries;

/// <summary>The relay on its own: a real journal (SQLite state store), the embedded store, and durable cursors.</summary>
public sealed class TimeSeriesRelayTests : IAsyncLifetime
{
    private const string Hall = "relay-hall";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _directory = new();
    private SqliteStateStore _journal = null!;
    private SqliteTimeSeriesStore _inner = null!;
    private CountingTimeSeriesStore _store = null!;
    private SqliteRelayCursorStore _cursors = null!;
    private long _version;

    public Task InitializeAsync()
    {
        _journal = new SqliteStateStore(_directory.File("queue.db"), NullLogger<SqliteStateStore>.Instance);
        _inner = new SqliteTimeSeriesStore(_directory.File("timeseries.db"));
        _store = new CountingTimeSeriesStore(_inner);
        _cursors = new SqliteRelayCursorStore(_directory.File("queue.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _journal.DisposeAsync();
        _inner.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task ARecreatedRelayResumesFromItsCursor()
    {
        await Journal(20);
        using (var first = Relay())
        {
            await first.StartAsync(CancellationToken.None);
            await Eventually.Until(async () => await _cursors.GetAsync(_store.Name, Hall) == 20, Deadline, "the cursor reaches 20");
            await first.StopAsync(CancellationToken.None);
        }

        var before = _store.AcknowledgedInOrder.Count;
        await Journal(15);
        using (var second = Relay())
        {
            await second.StartAsync(CancellationToken.None);
            await _store.UntilAsync(async () => (await _store.ReadSequencesAsync(Hall)).Count == 35, Deadline, "35 events in the store");
            await second.StopAsync(CancellationToken.None);
        }

        Assert.Equal(Enumerable.Range(1, 35).Select(i => (long)i), await _store.ReadSequencesAsync(Hall));
        Assert.All(_store.Acknowledged.Values, n => Assert.Equal(1, n));
        Assert.Equal(Enumerable.Range(21, 15).Select(i => (long)i), _store.AcknowledgedInOrder.Skip(before));
        Assert.Equal(35, await _cursors.GetAsync(_store.Name, Hall));
    }

    [Fact]
    public async Task WhileTheStoreFailsTheRelayRetriesAndLosesNothing()
    {
        _store.FailWrites = true;
        await Journal(12);
        using var relay = Relay();
        await relay.StartAsync(CancellationToken.None);
        await _store.UntilAsync(() => _store.Failures >= 3, Deadline, "three failed attempts");
        Assert.Equal(0, await _cursors.GetAsync(_store.Name, Hall));

        await Journal(8);
        _store.FailWrites = false;
        await _store.UntilAsync(async () => (await _store.ReadSequencesAsync(Hall)).Count == 20, Deadline, "20 events in the store");
        await relay.StopAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), await _store.ReadSequencesAsync(Hall));
        Assert.Equal(20, _store.Acknowledged.Count);
        Assert.All(_store.Acknowledged.Values, n => Assert.Equal(1, n));
    }

    private TimeSeriesRelay Relay() => new(
        _journal, _store, _cursors, new FixedHalls(Hall),
        Options.Create(new TimeSeriesOptions { BatchSize = 7, PollInterval = TimeSpan.FromMilliseconds(20), MinBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(100) }),
        NullLogger<TimeSeriesRelay>.Instance);

    /// <summary>Appends tickets to the journal the way grains do: a state write that carries events.</summary>
    private async Task Journal(int count)
    {
        var events = Enumerable.Range(0, count).Select(i => Issued(Hall, 0, "BDC", At(9, i % 60))).ToList<HallEvent>();
        var (version, _) = await _journal.WriteAsync("test", "relay", _version == 0 ? null : _version, [1], events);
        _version = version;
    }
}

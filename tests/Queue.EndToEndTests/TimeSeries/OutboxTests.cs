using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Engine.Hosting;
using Queue.Hosting;
using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;
using Queue.GrainTests.TimeSeries;
using Xunit.Abstractions;

namespace Queue.EndToEndTests.TimeSeries;

/// <summary>
/// The journal is the outbox: a real silo with the relay pointed at a real influxd. Tickets flow while influxd is
/// killed and restarted; afterwards every journaled event is in InfluxDB exactly once.
/// </summary>
public sealed class OutboxTests(InfluxFixture influx, ITestOutputHelper output) : IClassFixture<InfluxFixture>, IAsyncLifetime
{
    private const string Hall = "outbox-1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();
    /// <summary>10:00 in Shanghai on a Tuesday, as the grain tests' cluster.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly CountingTimeSeriesStore _store = new(new InfluxTimeSeriesStore(influx.Url, "outbox", TimeSpan.FromSeconds(2)));
    private InProcessTestCluster _cluster = null!;
    private int _produced;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<TimeProvider>(QueueClock.Key, _clock);
            silo.Services.AddSingleton<ITimeSeriesStore>(_store);
            silo.Services.Configure<QueueSiloOptions>(o => (o.DataPath, o.SeedDemoHall) = (_directory.File("queue.db"), false));
            silo.Services.Configure<TimeSeriesOptions>(o =>
            {
                o.BatchSize = 25;
                o.PollInterval = TimeSpan.FromMilliseconds(20);
                o.MinBackoff = TimeSpan.FromMilliseconds(50);
                o.MaxBackoff = TimeSpan.FromMilliseconds(400);
            });
            silo.AddQueueGrains();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task EveryEventArrivesExactlyOnceAcrossAnInfluxRestart()
    {
        var grains = _cluster.Client;
        await grains.GetGrain<IHallGrain>(Hall).ConfigureAsync(
            TestHalls.Small(Hall, ["BDC", "SW"], WindowProfile.Comprehensive, WindowProfile.Comprehensive));
        await grains.GetGrain<IWindowGrain>(GrainKeys.Window(Hall, 1)).SignInAsync(new SignIn("s1", "张三"));
        await grains.GetGrain<IWindowGrain>(GrainKeys.Window(Hall, 2)).SignInAsync(new SignIn("s2", "李四"));
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() => Produce(grains, stop.Token));
        var total = Stopwatch.StartNew();

        await _store.UntilAsync(async () => (await _store.ReadSequencesAsync(Hall)).Count >= 20, Deadline, "the first events reach InfluxDB");
        influx.Stop();
        var down = Stopwatch.StartNew();
        var producedAtStop = Volatile.Read(ref _produced);
        await Eventually.Until(
            () => producer.IsFaulted || (_store.Failures >= 3 && Volatile.Read(ref _produced) >= producedAtStop + 20), Deadline, "tickets flow while influxd is down");
        Assert.False(producer.IsFaulted, producer.Exception?.ToString());
        await influx.StartAsync();
        down.Stop();
        var producedAtRestart = Volatile.Read(ref _produced);
        await Eventually.Until(() => Volatile.Read(ref _produced) >= producedAtRestart + 5, Deadline, "tickets flow after the restart");
        await stop.CancelAsync();
        await producer;

        var journal = await grains.GetGrain<IHallGrain>(Hall).GetEventsAsync(0, 100_000);
        var catchUp = Stopwatch.StartNew();
        await _store.UntilAsync(
            async () => _store.Acknowledged.Count >= journal.Count && (await _store.ReadSequencesAsync(Hall)).Count >= journal.Count, Deadline,
            "InfluxDB catches up with the journal and acknowledges it");
        catchUp.Stop();

        var expected = journal.Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), expected);
        Assert.Equal(expected, await _store.ReadSequencesAsync(Hall));
        Assert.Equal(expected, _store.Acknowledged.Keys.Where(k => k.Hall == Hall).Select(k => k.Sequence).Order());
        Assert.All(_store.Acknowledged.Values, n => Assert.Equal(1, n));
        output.WriteLine(
            $"{journal.Count} events ({_produced} tickets); influxd down {down.ElapsedMilliseconds} ms with {_store.Failures} failed writes; " +
            $"caught up {catchUp.ElapsedMilliseconds} ms after the last ticket; whole test {total.ElapsedMilliseconds} ms");
    }

    /// <summary>Issues, calls, starts and completes tickets until stopped, half a minute of business time each.</summary>
    private async Task Produce(IClusterClient grains, CancellationToken stop)
    {
        var themes = new[] { "BDC", "SW" };
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var theme = grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(Hall, themes[i % 2]));
            await theme.IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, $"outbox-{i}"));
            _clock.Advance(TimeSpan.FromSeconds(15));
            var window = grains.GetGrain<IWindowGrain>(GrainKeys.Window(Hall, 1 + (i % 2)));
            await window.CallNextAsync();
            await window.StartServiceAsync();
            _clock.Advance(TimeSpan.FromSeconds(15));
            await window.CompleteAsync(new CompleteService(ServiceOutcome.Done, null));
            Interlocked.Increment(ref _produced);
        }
    }
}

using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;
using Queue.LoadTests.Push;

namespace Queue.LoadTests.Baselines;

/// <summary>
/// The bare hub's fan-out: <c>watchers</c> connections join one group; each iteration POSTs a broadcast and
/// waits until every watcher has it. Step "broadcast" is the POST; step "delivery" is one row per watcher
/// per broadcast, timed from the iteration's intended start to the receipt.
/// </summary>
public sealed class BareHubFanout(Uri baseline, int watchers, string name = BareHubFanout.Name)
{
    public const string Name = "baseline-hub-fanout";
    public const string BroadcastStep = "broadcast";
    public const string DeliveryStep = "delivery";
    private const string Group = "hall";
    private readonly DeliveryTracker _tracker = new();
    private HttpClient? _client;
    private WatcherPool? _pool;
    private long _nextId;

    public int Watchers { get; } = watchers;

    /// <summary>The scenario's name in the report (<see cref="Name"/> unless a second run needs another).</summary>
    public string ScenarioName { get; } = name;

    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The host's memory growth per connected watcher (managed heap, working set), measured in Init.</summary>
    public (double ManagedBytes, double WorkingSetBytes)? MemoryPerWatcher { get; private set; }

    public long LateDeliveries => _tracker.Late;

    public Scenario Create(params LoadSimulation[] load) =>
        Scenario.Create(ScenarioName, IterateAsync).WithLoad(load).WithInit(InitAsync).WithClean(CleanAsync);

    private async Task InitAsync(CancellationToken cancellation)
    {
        _client = LoadHttp.Create(baseline, 64);
        var before = await ReadMemoryAsync(_client, cancellation);
        _pool = await WatcherPool.ConnectAsync(
            new Uri(baseline, "hub"),
            Watchers,
            (_, c) => c.On<long>(nameof(IBroadcastClient.Tick), _tracker.Delivered),
            (_, c, ct) => c.InvokeAsync(nameof(BroadcastHub.Join), Group, ct),
            parallel: 32,
            cancellation);
        var after = await ReadMemoryAsync(_client, cancellation);
        MemoryPerWatcher = ((after.ManagedBytes - before.ManagedBytes) / (double)Watchers, (after.WorkingSetBytes - before.WorkingSetBytes) / (double)Watchers);
    }

    private async Task<Response> IterateAsync(ScenarioContext context)
    {
        var id = Interlocked.Increment(ref _nextId);
        var pending = _tracker.Expect(id, Watchers, context, DeliveryStep);
        try
        {
            var sent = await context.Step(BroadcastStep, () => HttpCall.SendAsync(_client!, HttpMethod.Post, $"broadcast/{Group}/{id}", context.CancellationToken));
            return sent.IsOk ? await pending.WaitAsync(DeliveryTimeout) : sent;
        }
        finally
        {
            _tracker.Forget(id);
        }
    }

    private async Task CleanAsync(CancellationToken cancellation)
    {
        if (_pool is not null)
        {
            await _pool.DisposeAsync();
        }

        _client?.Dispose();
    }

    private static async Task<MemoryReading> ReadMemoryAsync(HttpClient client, CancellationToken cancellation) =>
        await client.GetFromJsonAsync<MemoryReading>("memory", cancellation) ?? throw new InvalidOperationException("GET /memory answered nothing");
}

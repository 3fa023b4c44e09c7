using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Tests;

/// <summary>The open model against a server slower than the load: the rate holds and the latency says so.</summary>
public sealed class OpenModelTests
{
    private static readonly TimeSpan ServerDelay = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task OpenModelKeepsItsRateAgainstASlowServerAndReportsTheQueueingInItsLatency()
    {
        // 20 requests/s for 2 s at a server that finishes 2 every 200 ms (10/s): the backlog grows all along.
        await using var server = await SlowServer.StartAsync(ServerDelay, concurrency: 2);
        using var client = LoadHttp.Create(server.Address, 100);
        await HttpCall.SendAsync(client, HttpMethod.Get, "ping", CancellationToken.None); // JIT the client before the clock runs
        var scenario = Scenario.Create("slow", context => context.Step("GET /slow", () => HttpCall.SendAsync(client, HttpMethod.Get, "slow", context.CancellationToken)))
            .WithLoad(LoadSimulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)))
            .WithoutWarmUp() with { MaxInFlight = 100 };

        var report = (await LoadRunner.RunAsync([scenario])).Single();

        Assert.Equal(40, report.Total.Ok + report.Total.Fail);
        Assert.Equal(0, report.Total.Fail);
        Assert.Equal(40, server.Arrivals.Count);
        var sendingSpan = server.Arrivals[^1] - server.Arrivals[0];
        Assert.InRange(sendingSpan.TotalSeconds, 0.5, 2.6); // spread over the planned 1.95 s (a generator starved by a busy machine catches up: 0.97 s was seen), not slowed to the server's pace
        Assert.Equal(20.0, report.Total.Rps, precision: 6);
        Assert.True(report.Total.Latency.P50 >= ServerDelay.TotalMilliseconds, $"p50 {report.Total.Latency.P50} ms");
        Assert.True(report.Total.Latency.Max >= 5 * ServerDelay.TotalMilliseconds, $"max {report.Total.Latency.Max} ms: the last requests queued ~2 s");
        Assert.True(report.Total.Latency.P99 > report.Total.Latency.P50 + ServerDelay.TotalMilliseconds, "latency grows as the queue grows");
    }

    [Fact]
    public async Task OpenModelCountsTheTimeARequestWaitedToBeSent()
    {
        // The generator may run one iteration at a time: 10 planned starts over 1 s take 2 s to send one by one.
        // A coordinated-omission generator would report ~200 ms for each; timed from the intended start they grow to ~1 s.
        await using var server = await SlowServer.StartAsync(ServerDelay, concurrency: 10);
        using var client = LoadHttp.Create(server.Address, 10);
        var scenario = Scenario.Create("one-at-a-time", context => context.Step("GET /slow", () => HttpCall.SendAsync(client, HttpMethod.Get, "slow", context.CancellationToken)))
            .WithLoad(LoadSimulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
            .WithoutWarmUp() with { MaxInFlight = 1 };

        var report = (await LoadRunner.RunAsync([scenario])).Single();

        Assert.Equal(10, report.Total.Ok);
        Assert.Equal(1, server.MaxInService);
        Assert.Equal(1, report.MaxInFlight);
        Assert.True(report.Step("GET /slow").Latency.Max >= 4 * ServerDelay.TotalMilliseconds, $"max {report.Step("GET /slow").Latency.Max} ms");
        Assert.True(report.Total.Latency.P50 >= 2 * ServerDelay.TotalMilliseconds, $"p50 {report.Total.Latency.P50} ms");
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Tests;

/// <summary>
/// A deliberately slow endpoint on a free loopback port: GET /slow takes <c>delay</c> and serves at most
/// <c>concurrency</c> requests at once (the rest queue in the server). It notes when each request arrived.
/// </summary>
public sealed class SlowServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TimeSpan> _arrivals = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _inService;
    private int _maxInService;

    private SlowServer(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    public IReadOnlyList<TimeSpan> Arrivals => [.. _arrivals.Order()];

    public int MaxInService => Volatile.Read(ref _maxInService);

    public static async Task<SlowServer> StartAsync(TimeSpan delay, int concurrency)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new SlowServer(app, new Uri($"http://127.0.0.1:{port}/"));
        var gate = new SemaphoreSlim(concurrency, concurrency);
        app.MapGet("/ping", () => "pong");
        app.MapGet("/slow", async () =>
        {
            server._arrivals.Enqueue(Stopwatch.GetElapsedTime(server._started));
            await gate.WaitAsync();
            try
            {
                var now = Interlocked.Increment(ref server._inService);
                InterlockedMax(ref server._maxInService, now);
                await Task.Delay(delay);
                Interlocked.Decrement(ref server._inService);
                return Results.Text("slow");
            }
            finally
            {
                gate.Release();
            }
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}

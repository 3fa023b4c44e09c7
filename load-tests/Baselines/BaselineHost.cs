using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Baselines;

/// <summary>
/// The machine's reference points, served by Kestrel on 127.0.0.1 only: GET /plaintext ("Hello, World!"),
/// the bare SignalR hub at /hub with POST /broadcast/{group}/{id} pushing Tick(id) to a group, and
/// GET /memory (managed heap and working set after a full GC) for memory per connection.
/// </summary>
public sealed class BaselineHost : IAsyncDisposable
{
    private static readonly byte[] HelloWorld = Encoding.UTF8.GetBytes("Hello, World!");
    private readonly WebApplication _app;

    private BaselineHost(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    public static async Task<BaselineHost> StartAsync(int port = 0, CancellationToken cancellation = default)
    {
        port = port == 0 ? FreePort.Next() : port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapGet("/plaintext", (HttpContext http) =>
        {
            http.Response.ContentType = "text/plain";
            http.Response.ContentLength = HelloWorld.Length;
            return http.Response.Body.WriteAsync(HelloWorld, http.RequestAborted).AsTask();
        });
        app.MapHub<BroadcastHub>("/hub");
        app.MapPost("/broadcast/{group}/{id:long}", async (string group, long id, IHubContext<BroadcastHub, IBroadcastClient> hub) =>
        {
            await hub.Clients.Group(group).Tick(id);
            return Results.Accepted();
        });
        app.MapGet("/memory", () => Results.Json(MemoryReading.Now()));
        await app.StartAsync(cancellation);
        return new BaselineHost(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

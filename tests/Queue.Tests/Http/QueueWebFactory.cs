extern alias Dashboard;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Queue.Tests.Infrastructure;

namespace Queue.Tests.Http;

/// <summary>
/// The Dashboard as it runs in production (a co-hosted silo with localhost clustering, SQLite state, the demo
/// hall seeded), served by TestServer. The silo gets explicit free loopback ports and a temp SQLite file; the
/// fixture is ready once the demo hall answers.
/// </summary>
public sealed class QueueWebFactory : WebApplicationFactory<Dashboard::Program>, IAsyncLifetime
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();

    public int SiloPort { get; } = FreePorts.Next();

    public int GatewayPort { get; } = FreePorts.Next();

    public string DataPath => _directory.File("queue.db");

    /// <summary>The ports the silo was actually configured with (read from Orleans' own options).</summary>
    public EndpointOptions SiloEndpoint => Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + StartupLimit;
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/api/halls/binjiang", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The demo hall was not seeded within {StartupLimit}: last answer {(int)response.StatusCode}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            await DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // The host's graceful stop (silo, Hangfire, SignalR) ran past its timeout on a loaded machine. Every test
            // has finished by now, and the next fixture gets its own ports and files, so nothing carries over.
        }

        _directory.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Queue:DataPath", DataPath);
        builder.UseSetting("Queue:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Queue:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Queue:SeedDemoHall", "true");
        builder.UseSetting("Queue:Simulator:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}

[CollectionDefinition(Name)]
public sealed class QueueWebCollection : ICollectionFixture<QueueWebFactory>
{
    public const string Name = "queue web";
}

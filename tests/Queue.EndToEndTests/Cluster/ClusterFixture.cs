using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Queue.Contracts;
using Queue.Contracts.Model;

namespace Queue.EndToEndTests.Cluster;

/// <summary>
/// The cluster topology on loopback: real Redis (membership) and PostgreSQL (grain state and the hall journal), two
/// silo processes and two web processes that are Orleans clients, configured as docs/cluster.md says: membership and
/// messaging keep the product's Redis-mode defaults (QueueClusterOptions.Failover), which declare a killed silo dead
/// within seconds; the web nodes share one Hangfire job store (Queue:Jobs:PostgresConnection). Both web nodes are given the same first-administrator password (they
/// share one accounts grain: whichever asks first creates the account); the fixture signs in through web node A and
/// its HTTP clients and boards carry that token. The test itself holds an Orleans client too, to ask the management
/// grain where a grain lives.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private const string ServiceId = "queue";
    private static readonly TimeSpan SignInLimit = TimeSpan.FromSeconds(60);
    private readonly string _clusterId = "queue-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly RedisServer _redis = new();
    private readonly PostgresServer _postgres = new();
    private IHost? _client;

    public List<SiloNode> Silos { get; } = [];

    public ProductProcess WebA { get; private set; } = null!;

    public ProductProcess WebB { get; private set; } = null!;

    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    /// <summary>The first administrator's password, configured on every web node.</summary>
    public string AdministratorPassword { get; } = "cluster-" + Guid.NewGuid().ToString("N");

    /// <summary>The administrator's session token, signed in through <see cref="WebA"/>.</summary>
    public string AdministratorToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_redis.StartAsync(), _postgres.StartAsync());
        for (var i = 0; i < 2; i++)
        {
            var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
            var node = Node($"silo{i + 1}", ProductProcess.Silo, SiloSettings(siloPort, gatewayPort));
            Silos.Add(new SiloNode(node, siloPort));
        }

        // The first silo creates the schema and the cluster; the second joins it.
        Silos[0].Process.Start();
        await Silos[0].Process.WaitUntilReadyAsync();
        Silos[1].Process.Start();
        var web = Common(FreePort.Next(), FreePort.Next());
        web["Queue__Web__Role"] = "Client";
        web["Queue__Jobs__PostgresConnection"] = _postgres.ConnectionString; // the web nodes' one job store
        web["Queue__Security__AdministratorPassword"] = AdministratorPassword;
        WebA = Node("webA", ProductProcess.Dashboard, web);
        WebB = Node("webB", ProductProcess.Dashboard, web);
        WebA.Start();
        WebB.Start();
        await Task.WhenAll(Silos[1].Process.WaitUntilReadyAsync(), WebA.WaitUntilReadyAsync(), WebB.WaitUntilReadyAsync());
        _client = await StartClient();
        AdministratorToken = await FirstAdministratorToken();
        await ConfigureHalls();
    }

    /// <summary>The PostgreSQL server holding grain state and Hangfire's jobs.</summary>
    public string PostgresConnection => _postgres.ConnectionString;

    /// <summary>The halls of the cluster tests, each with two themes and four windows open (signed in).</summary>
    public static IReadOnlyList<string> Halls { get; } = ["c0", "c1", "c2", "c3"];

    public static IReadOnlyList<string> Themes { get; } = ["SW", "GJJ"];

    /// <summary>A client of <paramref name="node"/> signed in as the administrator.</summary>
    public HttpClient Http(ProductProcess node) => ClusterHttp.Create(node.BaseAddress, AdministratorToken);

    /// <summary>Everything the processes' logs said, for a failure message.</summary>
    public string Logs() =>
        string.Join("\n", Silos.Select(s => s.Process).Append(WebA).Append(WebB).Select(p => $"--- {p.Name} ---\n{p.Output}"));

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync(TimeSpan.FromSeconds(5));
            _client.Dispose();
        }

        foreach (var node in new[] { WebA, WebB }.Concat(Silos.Select(s => s.Process)).OfType<ProductProcess>())
        {
            await node.DisposeAsync();
        }

        await _postgres.DisposeAsync();
        await _redis.DisposeAsync();
    }

    /// <summary>A node of this cluster: its environment says where its silo, store and membership are.</summary>
    private static ProductProcess Node(string name, string project, Dictionary<string, string> environment) =>
        new(new ProductOptions { Name = name, Project = project, Standalone = false, Environment = environment });

    private Dictionary<string, string> Common(int siloPort, int gatewayPort) => new()
    {
        ["DOTNET_gcServer"] = "0",
        ["Queue__ClusterId"] = _clusterId,
        ["Queue__ServiceId"] = ServiceId,
        ["Queue__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
        ["Queue__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        ["Queue__SeedDemoHall"] = "false",
        ["Queue__Simulator__Enabled"] = "false",
        ["Queue__Cluster__Mode"] = "Redis",
        ["Queue__Cluster__RedisConnection"] = _redis.ConnectionString,
        ["Queue__Cluster__AdvertisedAddress"] = "127.0.0.1",
    };

    /// <summary>A silo's store, as docs/cluster.md configures it.</summary>
    private Dictionary<string, string> SiloSettings(int siloPort, int gatewayPort)
    {
        var settings = Common(siloPort, gatewayPort);
        settings["Queue__Storage__Provider"] = "Postgres";
        settings["Queue__Storage__PostgresConnection"] = _postgres.ConnectionString;
        return settings;
    }

    /// <summary>
    /// Web node A answers /health/ready (the launcher waits for it) only once the installation has its administrator,
    /// made by whichever web node asked first: one sign-in, no retries.
    /// </summary>
    private async Task<string> FirstAdministratorToken()
    {
        try
        {
            return await WebA.SignInAsync("admin", AdministratorPassword).WaitAsync(SignInLimit);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            throw new InvalidOperationException($"The administrator could not sign in through webA: {ex.Message}\n{Logs()}", ex);
        }
    }

    private async Task ConfigureHalls()
    {
        using var http = Http(WebA);
        foreach (var hall in Halls)
        {
            var config = TestHalls.Small(hall, [.. Themes], WindowProfile.Comprehensive, WindowProfile.Comprehensive, WindowProfile.Comprehensive, WindowProfile.Comprehensive);
            using var put = await http.PutAsJsonAsync(new Uri($"/api/halls/{hall}", UriKind.Relative), config, QueueJson.Options);
            Assert.True(put.IsSuccessStatusCode, $"PUT {hall}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
            for (var window = 1; window <= 4; window++)
            {
                using var signIn = await http.PostAsJsonAsync(new Uri($"/api/halls/{hall}/windows/{window}/sign-in", UriKind.Relative), new { staffId = $"s{window}", staffName = "测试员" });
                Assert.True(signIn.IsSuccessStatusCode, $"sign-in {hall}/{window}: {(int)signIn.StatusCode} {await signIn.Content.ReadAsStringAsync()}");
            }
        }
    }

    private async Task<IHost> StartClient()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        builder.UseOrleansClient(client => client
            .UseRedisClustering(_redis.ConnectionString)
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (_clusterId, ServiceId)));
        var host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return host;
    }
}

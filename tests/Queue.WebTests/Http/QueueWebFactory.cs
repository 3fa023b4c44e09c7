using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Queue.WebTests.Http;

/// <summary>
/// The Dashboard as it runs in production (a co-hosted silo with localhost clustering, SQLite state, the demo
/// hall seeded), served by TestServer. The silo gets explicit free loopback ports and a temp SQLite file; the
/// fixture is ready once the demo hall answers and the first administrator (with this fixture's own password) has
/// signed in. <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> gives a client signed in as that
/// administrator; <see cref="CreateAnonymousClient"/> one with no credential.
/// </summary>
public class QueueWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();
    private bool _anonymous = true;

    public int SiloPort { get; } = FreePort.Next();

    /// <summary>Everything the node has logged at warning or above.</summary>
    public RecordedLogs Logs { get; } = new();

    public int GatewayPort { get; } = FreePort.Next();

    public string DataPath => _directory.File("queue.db");

    public string AdministratorPassword { get; } = "admin-" + Guid.NewGuid().ToString("N");

    /// <summary>The administrator's bearer token, once the fixture is ready.</summary>
    public string AdministratorToken { get; private set; } = "";

    /// <summary>The ports the silo was actually configured with (read from Orleans' own options).</summary>
    public EndpointOptions SiloEndpoint => Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        await WaitForDemoHall(client);
        AdministratorToken = await FirstAdministratorToken();
        _anonymous = false;
    }

    public HttpClient CreateAnonymousClient() => WithToken(null);

    /// <summary>A client that sends this token (a session or a device token).</summary>
    public HttpClient WithToken(string? token)
    {
        var client = Server.CreateClient();
        client.BaseAddress = new Uri("http://localhost");
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Signs in with a password; answers the bearer token.</summary>
    public async Task<string> SignInAsync(string userName, string password)
    {
        using var client = CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName, password });
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("token").GetString()!;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (!_anonymous)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdministratorToken);
        }
    }

    /// <summary>
    /// The administrator is created once the host has started; /health/ready says when. Sign in once then: guessing
    /// earlier would count refused sign-ins against the account, which locks after ten.
    /// </summary>
    private async Task<string> FirstAdministratorToken()
    {
        using var client = CreateAnonymousClient();
        var deadline = DateTime.UtcNow + StartupLimit;
        while (true)
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (ready.IsSuccessStatusCode)
            {
                return await SignInAsync("admin", AdministratorPassword);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The node was not ready within {StartupLimit}: {await ready.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static async Task WaitForDemoHall(HttpClient client)
    {
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
        builder.UseSetting("Queue:DemoOpeningCalendar", "false"); // the tests issue demo tickets at any hour of any day
        builder.UseSetting("Queue:Simulator:Enabled", "false");
        builder.UseSetting("Queue:Storage:VerifyRows", "true"); // a ticket change without its row fails the write
        builder.UseSetting("Queue:Security:AdministratorPassword", AdministratorPassword);
        builder.UseSetting("Queue:Security:RateLimits:SignInsPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>More settings, for a fixture that runs the product configured as a hall installs it.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();
}

[CollectionDefinition(Name)]
public sealed class QueueWebCollection : ICollectionFixture<QueueWebFactory>
{
    public const string Name = "queue web";
}

extern alias dashboard;

using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Queue.LoadTests.Http;
using Queue.LoadTests.Product;

namespace Queue.LoadTests.Tests;

/// <summary>
/// The product in-process for these tests: a temporary SQLite file, free silo ports, the demo hall, the simulator off
/// (it would staff the windows the scenarios sign in to), and a first administrator with this run's own password.
/// </summary>
internal static class TestProduct
{
    private static readonly TimeSpan SignInLimit = TimeSpan.FromSeconds(60);

    public static string AdministratorPassword { get; } = "load-tests-" + Guid.NewGuid().ToString("N");

    public static WebApplicationFactory<dashboard::Program> Create(string dataFolder) =>
        new WebApplicationFactory<dashboard::Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Queue:DataPath", Path.Combine(dataFolder, "queue.db"));
            web.UseSetting("Queue:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            web.UseSetting("Queue:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            web.UseSetting("Queue:SeedDemoHall", "true");
            web.UseSetting("Queue:DemoOpeningCalendar", "false"); // the tests issue demo tickets at any hour of any day
            web.UseSetting("Queue:Simulator:Enabled", "false");
            web.UseSetting("Queue:TimeSeries:SeedHistory", "false");
            web.UseSetting("Queue:Security:AdministratorPassword", AdministratorPassword);
        });

    /// <summary>Signs in as the first administrator once the product has created it; answers the bearer token.</summary>
    public static async Task<string> SignInAsync(HttpClient anonymous) =>
        await ProductSignIn.WaitAsync(anonymous, ProductSignIn.Administrator, AdministratorPassword, SignInLimit, CancellationToken.None);

    /// <summary>Makes <paramref name="client"/> send the token on every request.</summary>
    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

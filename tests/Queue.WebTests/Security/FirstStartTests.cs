using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using FirstStartConsole = Queue.Dashboard.Security.FirstStartConsole;

namespace Queue.WebTests.Security;

/// <summary>
/// A single node's first start makes the administrator with a generated password and prints it once, with links for
/// a demo kiosk and board; a restart on the same store prints nothing and the password still works.
/// </summary>
public sealed partial class FirstStartTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task TheFirstStartPrintsAGeneratedAdministratorPasswordOnceAndItSignsIn()
    {
        var dataPath = _directory.File("queue.db");
        string first;
        string password;
        await using (var node = new Node(dataPath))
        {
            first = await node.ConsoleOnceReadyAsync();
            password = Password().Match(first).Groups[1].Value;
            Assert.Matches("^[a-zA-Z2-9]{16}$", password);
            Assert.Equal(HttpStatusCode.OK, await node.SignInAsync(password));
            Assert.Matches(@"Demo kiosk: \S*/kiosk/binjiang\?device=qd1\.binjiang\.k[0-9a-f]{10}\.", first);
            Assert.Matches(@"Demo board: \S*/board/binjiang\?device=qd1\.binjiang\.b[0-9a-f]{10}\.", first);
        }

        await using (var again = new Node(dataPath))
        {
            var second = await again.ConsoleOnceReadyAsync();
            Assert.Equal(HttpStatusCode.OK, await again.SignInAsync(password));
            Assert.DoesNotContain(password, second, StringComparison.Ordinal);
            Assert.DoesNotContain("first start", second, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _directory.Dispose();

    [GeneratedRegex(@"shown only now\): (\S+)")]
    private static partial Regex Password();

    /// <summary>The product on a given SQLite file, with no administrator password configured.</summary>
    private sealed class Node : WebApplicationFactory<Program>
    {
        private readonly StringWriter _console = new();
        private readonly TextWriter _synced;
        private readonly string _dataPath;

        public Node(string dataPath)
        {
            _dataPath = dataPath;
            _synced = TextWriter.Synchronized(_console);
        }

        public async Task<string> ConsoleOnceReadyAsync()
        {
            using var client = CreateClient();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                // Ready means the first-start check has run: whatever it had to print is printed.
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                using var hall = await client.GetAsync(new Uri("/api/halls/binjiang", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK && hall.StatusCode == HttpStatusCode.OK)
                {
                    return Printed();
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            throw new TimeoutException("The node did not start within 60 s: " + Printed());
        }

        public async Task<HttpStatusCode> SignInAsync(string password)
        {
            using var client = CreateClient();
            using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = "admin", password });
            return response.StatusCode;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Queue:DataPath", _dataPath);
            builder.UseSetting("Queue:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Queue:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Queue:Simulator:Enabled", "false");
            builder.UseSetting("Queue:TimeSeries:SeedHistory", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services => services.AddSingleton(new FirstStartConsole(_synced)));
        }

        private string Printed()
        {
            lock (_synced) // the synchronized writer locks itself while it writes
            {
                return _console.ToString();
            }
        }
    }
}

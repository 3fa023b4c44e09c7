using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Queue.Tests.Infrastructure;
using Queue.LoadTests.Http;

namespace Queue.Tests.Browser;

/// <summary>
/// The real product, <c>dotnet Queue.Dashboard.dll</c> from this build's output, as a child process: its own SQLite
/// file in a temp directory, free loopback ports for HTTP and the silo, the demo hall seeded, the administrator's
/// password set (a fresh one per run) and the public endpoints' rate limits raised out of the tests' way (every page
/// and the API come from one loopback address). Ready once the demo hall answers; killed (with its process tree) at
/// the end.
/// </summary>
public sealed class ProductProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _directory = new();
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    public const string AdministratorUserName = "admin";

    /// <summary>The first administrator's password, given to the product instead of one generated and printed.</summary>
    public string AdministratorPassword { get; } = "browser-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The last lines the product wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task StartAsync()
    {
        var dll = DashboardDll();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = _directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Queue__DataPath"] = _directory.File("queue.db");
        start.Environment["Queue__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Queue__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Queue__Simulator__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Queue__Security__AdministratorUserName"] = AdministratorUserName;
        start.Environment["Queue__Security__AdministratorPassword"] = AdministratorPassword;
        start.Environment["Queue__Security__RateLimits__CitizenIssuePerMinute"] = "100000";
        start.Environment["Queue__Security__RateLimits__KioskIssuePerMinute"] = "1000000";
        start.Environment["Queue__Security__RateLimits__TicketRequestsPerMinute"] = "1000000";
        start.Environment["Queue__Security__RateLimits__SignInsPerMinute"] = "100000";
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReady();
    }

    private async Task WaitUntilReady()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartupLimit;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The product exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                // Ready (silo, store, the first administrator exists) and the demo hall seeded.
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                using var response = await client.GetAsync(new Uri("/api/halls/binjiang", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK && response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // starting slowly on a busy machine
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The product did not serve the demo hall within {StartupLimit}:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>src/Queue.Dashboard/bin/{the configuration these tests were built in}/net10.0/Queue.Dashboard.dll.</summary>
    private static string DashboardDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name; // …/bin/{Configuration}/net10.0/
        var framework = testOutput.Name;
        var built = Path.Combine(RepoRoot.Path, "src", "Queue.Dashboard", "bin", configuration, framework, "Queue.Dashboard.dll");
        var beside = Path.Combine(AppContext.BaseDirectory, "Queue.Dashboard.dll");
        return File.Exists(built) ? built
            : File.Exists(beside) ? beside
            : throw new FileNotFoundException($"Build the solution first: neither {built} nor {beside} exists");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length > 20_000)
            {
                _output.Remove(0, 10_000);
            }

            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _directory.Dispose();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Product;

/// <summary>
/// The product as a child process: <c>dotnet Queue.Dashboard.dll</c> from the build output of the same configuration
/// as this tool, a fresh SQLite file in a temporary folder, free loopback ports for HTTP and the silo, the simulator
/// off, the demo hall seeded and a random password for its first administrator (<see cref="ProductSignIn.Administrator"/>).
/// Ready once GET /api/halls/binjiang answers 200 and the administrator has signed in (<see cref="AdministratorToken"/>);
/// ended by its own handle.
/// </summary>
public sealed class ProductProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(120);
    private readonly StringBuilder _output = new();
    private readonly string _folder;
    private readonly Process _process;
    private readonly string _password;
    private TimeSpan _cpu;

    private ProductProcess(Process process, string folder, Uri address, string password) =>
        (_process, _folder, Address, _password) = (process, folder, address, password);

    public Uri Address { get; }

    /// <summary>The bearer token of the product's first administrator, signed in once the product was ready.</summary>
    public string AdministratorToken { get; private set; } = "";

    public int ProcessId => _process.Id;

    /// <summary>CPU time the product has used so far (user and system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            if (!_process.HasExited)
            {
                _process.Refresh();
                _cpu = _process.TotalProcessorTime;
            }

            return _cpu;
        }
    }

    /// <summary>Null while it runs; once it has exited, its exit code and the end of what it wrote.</summary>
    public string? ExitDescription
    {
        get
        {
            if (!_process.HasExited)
            {
                return null;
            }

            var output = Output;
            return $"the product exited with code {_process.ExitCode}; its last output: {(output.Length > 1500 ? output[^1500..] : output).ReplaceLineEndings(" ⏎ ")}";
        }
    }

    public static async Task<ProductProcess> StartAsync(CancellationToken cancellation)
    {
        var dll = DashboardDll();
        var folder = Directory.CreateTempSubdirectory("queue-load-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Queue__DataPath"] = Path.Combine(folder, "queue.db");
        start.Environment["Queue__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Queue__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Queue__Simulator__Enabled"] = "false";
        start.Environment["Queue__SeedDemoHall"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // This run's own administrator password (never printed); the tool signs in once the product is ready.
        var password = "load-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        start.Environment["Queue__Security__AdministratorPassword"] = password;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var product = new ProductProcess(process, folder, address, password);
        process.OutputDataReceived += (_, e) => product.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => product.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await product.WaitUntilReadyAsync(cancellation);
        }
        catch (Exception)
        {
            await product.DisposeAsync();
            throw;
        }

        return product;
    }

    /// <summary>What the product last wrote (warnings and errors), for the report's notes.</summary>
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

    private async Task WaitUntilReadyAsync(CancellationToken cancellation)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The product exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("api/halls/binjiang", UriKind.Relative), cancellation);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    // The administrator is created shortly after the host has started: sign in as soon as it exists.
                    AdministratorToken = await SignInAsync(client, StartupLimit - deadline.Elapsed, cancellation);
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellation.IsCancellationRequested))
            {
                // not listening yet, or starting slowly on a busy machine
            }

            if (deadline.Elapsed > StartupLimit)
            {
                throw new TimeoutException($"The product did not serve the demo hall within {StartupLimit.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
    }

    private async Task<string> SignInAsync(HttpClient client, TimeSpan limit, CancellationToken cancellation)
    {
        try
        {
            return await ProductSignIn.WaitAsync(client, ProductSignIn.Administrator, _password, limit, cancellation);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{Output}", ex);
        }
    }

    /// <summary>src/Queue.Dashboard/bin/{this tool's configuration}/{framework}/Queue.Dashboard.dll (load-tests references the project, so it is built).</summary>
    private static string DashboardDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            var dll = Path.Combine(folder.FullName, "src", "Queue.Dashboard", "bin", configuration, framework, "Queue.Dashboard.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new FileNotFoundException($"Queue.Dashboard.dll ({configuration}, {framework}) not found above {output.FullName}: build the solution, or pass --url");
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
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // our own child, by its handle
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the SQLite file may linger a moment; the temp folder is the system's to clean
        }
    }
}

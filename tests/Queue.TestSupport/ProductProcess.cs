using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Queue.TestSupport;

/// <summary>What to start: which project's dll, on what, and when it counts as ready.</summary>
public sealed record ProductOptions
{
    /// <summary>The name in messages (a cluster's "silo1", "webA").</summary>
    public string Name { get; init; } = "the product";

    /// <summary><see cref="ProductProcess.Dashboard"/> (the web host) or <see cref="ProductProcess.Silo"/>.</summary>
    public string Project { get; init; } = ProductProcess.Dashboard;

    /// <summary>
    /// A node on its own: a fresh SQLite file in the process's temp directory, free loopback ports for the silo and its
    /// gateway, the simulator off. Off for a node of a cluster, whose <see cref="Environment"/> says all of that.
    /// </summary>
    public bool Standalone { get; init; } = true;

    /// <summary>Configuration for the process, applied last (over the defaults and <see cref="Standalone"/>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Also wait until GET of this path answers 200 (the seeded demo hall, say) after /health/ready does.</summary>
    public string? ReadyPath { get; init; }

    public TimeSpan StartupLimit { get; init; } = TimeSpan.FromSeconds(90);
}

/// <summary>
/// The built product as a child process: <c>dotnet Queue.Dashboard.dll</c> or <c>dotnet Queue.Silo.dll</c> from the
/// build output of the same configuration as the caller (the test project or the load tool), in its own temp directory,
/// on a free loopback HTTP port, in Production with warnings logged, configured by its environment. Ready once
/// /health/ready answers 200 (silo or cluster client, store, the first administrator) and <see cref="ProductOptions.ReadyPath"/>,
/// if any, does too. <see cref="KillAsync"/> is SIGKILL; disposing kills what still runs (its process tree) and removes
/// the directory. Output (stdout and stderr) is kept, the last 10 to 20 kB, for failure messages.
/// </summary>
public sealed class ProductProcess : IAsyncDisposable
{
    public const string Dashboard = "Queue.Dashboard";
    public const string Silo = "Queue.Silo";

    private readonly ProductOptions _options;
    private readonly TempDirectory _directory = new();
    private readonly StringBuilder _output = new();
    private Process? _process;
    private TimeSpan _cpu;

    public ProductProcess(ProductOptions? options = null) => _options = options ?? new ProductOptions();

    public string Name => _options.Name;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    /// <summary>The process's working directory (and, standalone, where its SQLite file is).</summary>
    public string DataDirectory => _directory.Path;

    public bool IsRunning => _process is { HasExited: false };

    public int ProcessId => (_process ?? throw new InvalidOperationException($"{Name} was not started")).Id;

    /// <summary>CPU time the process has used so far (user and system); the last reading once it has exited.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            if (_process is { HasExited: false })
            {
                _process.Refresh();
                _cpu = _process.TotalProcessorTime;
            }

            return _cpu;
        }
    }

    /// <summary>What the process last wrote.</summary>
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

    /// <summary>Null while it runs; once it has exited, its exit code and the end of what it wrote.</summary>
    public string? ExitDescription
    {
        get
        {
            if (_process is not { HasExited: true })
            {
                return null;
            }

            var output = Output;
            return $"{Name} exited with code {_process.ExitCode}; its last output: {(output.Length > 1500 ? output[^1500..] : output).ReplaceLineEndings(" ⏎ ")}";
        }
    }

    /// <summary>Starts the process and waits until it is ready; disposes it when it does not get there.</summary>
    public static async Task<ProductProcess> StartAsync(ProductOptions options, CancellationToken cancellation = default)
    {
        var product = new ProductProcess(options);
        try
        {
            product.Start();
            await product.WaitUntilReadyAsync(cancellation);
            return product;
        }
        catch
        {
            await product.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process without waiting (a cluster starts its nodes together, then waits for them all).</summary>
    public void Start()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException($"{Name} was started already");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Dll(_options.Project) },
            WorkingDirectory = _directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Queue__Storage__VerifyRows"] = "true"; // a ticket change without its row fails the write
        if (_options.Standalone)
        {
            start.Environment["Queue__DataPath"] = _directory.File("queue.db");
            start.Environment["Queue__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
            start.Environment["Queue__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
            start.Environment["Queue__Simulator__Enabled"] = "false";
        }

        foreach (var (key, value) in _options.Environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet did not start {Name}");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Polls /health/ready (then <see cref="ProductOptions.ReadyPath"/>) until 200; fails at once if the process exits.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellation = default)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var paths = _options.ReadyPath is { } extra ? new[] { "health/ready", extra.TrimStart('/') } : ["health/ready"];
        while (true)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"{Name} exited before it was ready:\n{Output}");
            }

            try
            {
                if (await AllOkAsync(client, paths, cancellation))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellation.IsCancellationRequested))
            {
                // not listening yet, or starting slowly on a busy machine
            }

            if (clock.Elapsed > _options.StartupLimit)
            {
                throw new TimeoutException($"{Name} was not ready within {_options.StartupLimit.TotalSeconds} s:\n{Output}");
            }

            // A child process's readiness has no signal to await but its answer.
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
    }

    /// <summary>POST /api/auth/login once; answers the bearer token (fails with the answer when refused).</summary>
    public async Task<string> SignInAsync(string userName, string password, CancellationToken cancellation = default)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsJsonAsync(new Uri("api/auth/login", UriKind.Relative), new { userName, password }, cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Signing in as {userName} at {Name} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        using var answer = JsonDocument.Parse(text);
        return answer.RootElement.GetProperty("token").GetString() ?? throw new InvalidOperationException($"No token in {text}");
    }

    /// <summary>The files the running process has mapped (its loaded assemblies and native libraries), from /proc.</summary>
    public IReadOnlySet<string> MappedFiles() => File.ReadLines($"/proc/{ProcessId}/maps")
        .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
        .Where(fields => fields.Length == 6 && fields[5].StartsWith('/'))
        .Select(fields => Path.GetFileName(fields[5].Trim()))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>SIGKILL (no shutdown, no goodbye to a cluster), then waits (bounded) until the process is gone.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was not started");
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true); // our own child, by its handle
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process?.Dispose();
        _directory.Dispose();
    }

    private static async Task<bool> AllOkAsync(HttpClient client, string[] paths, CancellationToken cancellation)
    {
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellation);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// src/{project}/bin/{configuration}/{framework}/{project}.dll above the caller's output folder
    /// (…/bin/{configuration}/{framework}/), or beside it.
    /// </summary>
    private static string Dll(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent?.Name ?? "";
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            var dll = Path.Combine(folder.FullName, "src", project, "bin", configuration, framework, project + ".dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        var beside = Path.Combine(output.FullName, project + ".dll");
        return File.Exists(beside) ? beside
            : throw new FileNotFoundException($"{project}.dll ({configuration}, {framework}) not found above {output.FullName}: build the solution first");
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
}

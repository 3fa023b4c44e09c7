using System.Diagnostics;
using System.Net;
using System.Text;
using Queue.Tests.Browser;
using Queue.Tests.Infrastructure;
using Queue.LoadTests.Http;

namespace Queue.Tests.Cluster;

/// <summary>
/// One product process of the cluster (<c>dotnet Queue.Silo.dll</c> or <c>dotnet Queue.Dashboard.dll</c> from this
/// build's output) configured by its environment, on loopback ports. Ready when /health/ready answers 200.
/// <see cref="Kill"/> is SIGKILL: no shutdown, no goodbye to the cluster.
/// </summary>
public sealed class NodeProcess(string name, string project, IReadOnlyDictionary<string, string> environment) : IAsyncDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _directory = new();
    private readonly StringBuilder _output = new();
    private Process? _process;

    public string Name { get; } = name;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The files the running process has mapped (its loaded assemblies and native libraries), from /proc.</summary>
    public IReadOnlySet<string> MappedFiles() => File.ReadLines($"/proc/{_process!.Id}/maps")
        .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
        .Where(fields => fields.Length == 6 && fields[5].StartsWith('/'))
        .Select(fields => Path.GetFileName(fields[5].Trim()))
        .ToHashSet(StringComparer.Ordinal);

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

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Dll(project) },
            WorkingDirectory = _directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartupLimit;
        while (true)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"{Name} exited before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet, or starting slowly on a busy machine
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not ready within {StartupLimit}:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>SIGKILL, then waits (bounded) until the process is gone.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process?.Dispose();
        _directory.Dispose();
    }

    /// <summary>src/{project}/bin/{the configuration these tests were built in}/net10.0/{project}.dll.</summary>
    private static string Dll(string project)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var built = Path.Combine(RepoRoot.Path, "src", project, "bin", testOutput.Parent!.Name, testOutput.Name, project + ".dll");
        return File.Exists(built) ? built : throw new FileNotFoundException($"Build the solution first: {built} is missing");
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

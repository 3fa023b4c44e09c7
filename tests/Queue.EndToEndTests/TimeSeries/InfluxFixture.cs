using System.Diagnostics;
using System.Net;

namespace Queue.EndToEndTests.TimeSeries;

/// <summary>
/// A real <c>influxd</c> (Debian's InfluxDB 1.6, installed by scripts/test.sh) on free loopback ports (HTTP and the RPC
/// bind address), its meta, data and WAL under a temp directory, reporting disabled. <see cref="Stop"/> kills the
/// process by its PID; <see cref="StartAsync"/> starts it again on the same ports and data.
/// </summary>
public sealed class InfluxFixture : IAsyncLifetime
{
    private const string Binary = "/usr/bin/influxd";
    private readonly TempDirectory _directory = new();
    private readonly int _httpPort = FreePort.Next();
    private readonly int _rpcPort = FreePort.Next();
    private Process? _process;

    public Uri Url => new($"http://127.0.0.1:{_httpPort}/");

    public Task InitializeAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: apt-get install -y influxdb (scripts/test.sh installs it)");
        }

        File.WriteAllText(_directory.File("influxdb.conf"), Config());
        return StartAsync();
    }

    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("influxd is already running");
        }

        var start = new ProcessStartInfo(Binary, ["-config", _directory.File("influxdb.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("influxd did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(1) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with {_process.ExitCode}");
            }

            try
            {
                using var ping = await http.GetAsync(new Uri("ping", UriKind.Relative));
                if (ping.StatusCode == HttpStatusCode.NoContent)
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
                // not answering yet
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("influxd did not answer /ping within 30 s");
    }

    /// <summary>Kills influxd (SIGKILL, by PID) and waits for it to be gone: what was acknowledged is in its WAL.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public Task DisposeAsync()
    {
        Stop();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    private string Config() => $"""
        reporting-disabled = true
        bind-address = "127.0.0.1:{_rpcPort}"

        [meta]
          dir = "{_directory.File("meta")}"

        [data]
          dir = "{_directory.File("data")}"
          wal-dir = "{_directory.File("wal")}"
          query-log-enabled = false

        [http]
          enabled = true
          bind-address = "127.0.0.1:{_httpPort}"
          log-enabled = false
          max-row-limit = 0

        [monitor]
          store-enabled = false

        [continuous_queries]
          enabled = false

        [subscriber]
          enabled = false

        [[udp]]
          enabled = false
        """;
}

using System.Diagnostics;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Baselines;

/// <summary>
/// The baseline host in a child process (this same program with "serve-baselines"), so that, like the product,
/// it does not share a process, a GC or a thread pool with the generator. The child exits when its standard
/// input closes, so it cannot outlive this process; <see cref="DisposeAsync"/> ends it by its own handle.
/// </summary>
public sealed class BaselineProcess : IAsyncDisposable
{
    public const string Command = "serve-baselines";
    private readonly Process _process;

    private BaselineProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public static async Task<BaselineProcess> StartAsync(CancellationToken cancellation = default)
    {
        var port = FreePort.Next();
        var assembly = typeof(BaselineProcess).Assembly.Location;
        var appHost = Path.ChangeExtension(assembly, null);
        var start = File.Exists(appHost) ? new ProcessStartInfo(appHost) : new ProcessStartInfo("dotnet") { ArgumentList = { assembly } };
        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the baseline host process.");
        using var ready = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ready.CancelAfter(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(ready.Token);
        if (line is null || !line.StartsWith("ready ", StringComparison.Ordinal))
        {
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"The baseline host did not start: {line ?? "(no output)"}");
        }

        return new BaselineProcess(process, new Uri(line["ready ".Length..]));
    }

    /// <summary>The child's side: serve until standard input closes (the parent ended or disposed us), at most a day.</summary>
    public static async Task<int> ServeAsync(int port)
    {
        await using var host = await BaselineHost.StartAsync(port);
        Console.WriteLine($"ready {host.Address}");
        var closed = Console.In.ReadToEndAsync();
        await Task.WhenAny(closed, Task.Delay(TimeSpan.FromDays(1)));
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(exit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true); // our own child, by its handle
        }

        _process.Dispose();
    }
}

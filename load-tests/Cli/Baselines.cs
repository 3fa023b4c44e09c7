using Queue.LoadTests.Baselines;

namespace Queue.LoadTests.Cli;

/// <summary>The baseline host as the suite sees it, wherever it runs.</summary>
public sealed class Baselines(Uri address, string mode, IAsyncDisposable owner) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    /// <summary>"child process 1234" or "in-process".</summary>
    public string Mode { get; } = mode;

    public bool InProcess => owner is BaselineHost;

    public static async Task<Baselines> StartAsync(bool child, CancellationToken cancellation)
    {
        if (child)
        {
            var process = await BaselineProcess.StartAsync(cancellation);
            return new Baselines(process.Address, $"child process {process.ProcessId}", process);
        }

        var host = await BaselineHost.StartAsync(cancellation: cancellation);
        return new Baselines(host.Address, "in-process", host);
    }

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}

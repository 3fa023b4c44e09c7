using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Queue.Benchmarks.HotPaths;

/// <summary>
/// `dotnet run -c Release --project benchmarks/Queue.Benchmarks -- hot [BenchmarkDotNet arguments, e.g. --filter *Serialize*]`:
/// the hot functions of a durable ticket with BenchmarkDotNet, in process (no generated project, which the central package
/// versions and warnings-as-errors of this repository would refuse) and with a short run (3 warm-ups, 3 iterations):
/// about 3 minutes in all. The GitHub-markdown table goes to the console and to the temp folder's queue-benchmarks/results.
/// </summary>
internal static class HotPathRunner
{
    public static void Run(string[] args)
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "queue-benchmarks"));
        BenchmarkSwitcher.FromTypes([typeof(TicketHotPaths), typeof(EventJson), typeof(DayClose)]).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
    }
}

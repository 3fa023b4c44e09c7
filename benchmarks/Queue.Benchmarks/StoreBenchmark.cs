using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Queue.Contracts;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Engine.Persistence;

namespace Queue.Benchmarks;

/// <summary>
/// The state store alone under the write pattern of a kiosk surge (docs/performance.md, "The store benchmark"): 64 writers
/// issue into 100 lines (20 halls × 5 themes, the busiest lines first, as the load tool's Zipf draw), each write what a
/// ticket's issue writes: the line's small payload, the ticket's row under its random id, a request id's row, the oldest
/// request id forgotten beyond 1,024, and the TicketIssued event. One write per line at a time, as a grain writes. Nobody
/// calls, so the lines grow through the run. Prints, for three runs on a fresh file each, the process CPU and the bytes
/// written to the disk per write, the writes a second and how many writes shared a commit: the store's own ceiling on
/// this machine, without HTTP, Orleans or the rules.
/// </summary>
internal static class StoreBenchmark
{
    private const int Writers = 64;
    private const int Halls = 20;
    private const int ThemesPerHall = 5;

    public static void Run(int writes)
    {
        Console.WriteLine($"store: {Writers} writers, {Halls * ThemesPerHall} lines, {writes:N0} measured writes after {writes / 2:N0} to warm up, a fresh file each run");
        for (var run = 1; run <= 3; run++)
        {
            var r = Measure(writes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run}: {r.CpuMicroseconds,4:F0} µs of process CPU and {r.DiskBytes / 1024.0,4:F1} KiB to the disk per write, {r.Rate,5:N0} writes/s, {r.WritesPerCommit:F1} writes per commit, file {r.FileBytes / 1048576.0:F1} MiB"));
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
    }

    private static (double CpuMicroseconds, double DiskBytes, double Rate, double WritesPerCommit, long FileBytes) Measure(int writes)
    {
        var folder = Directory.CreateTempSubdirectory("queue-store-bench-");
        try
        {
            var path = Path.Combine(folder.FullName, "queue.db");
            var store = new SqliteStateStore(path, NullLogger<SqliteStateStore>.Instance);
            var lines = Enumerable.Range(0, Halls * ThemesPerHall).Select(i => new Line($"hall{i / ThemesPerHall:00}", $"T{i % ThemesPerHall}")).ToArray();
            var weights = lines.Select((line, i) => 1.0 / ((i / ThemesPerHall) + 1) / ((i % ThemesPerHall) + 1)).ToArray();
            var cumulative = new double[weights.Length];
            var total = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                cumulative[i] = total += weights[i];
            }

            RunWrites(store, lines, cumulative, writes / 2);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var disk = DiskWrites();
            long commits = 0;
            using var listener = new System.Diagnostics.Metrics.MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Queue.Hosting.QueueMetrics.MeterName && instrument.Name.Contains("batch", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref commits));
            listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref commits));
            listener.Start();
            var clock = Stopwatch.StartNew();
            RunWrites(store, lines, cumulative, writes);
            var elapsed = clock.Elapsed;
            process.Refresh();
            var cpuUsed = process.TotalProcessorTime - cpu;
            var diskUsed = DiskWrites() - disk;
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
            var fileBytes = new FileInfo(path).Length;
            return (cpuUsed.TotalMicroseconds / writes, (double)diskUsed / writes, writes / elapsed.TotalSeconds, writes / (double)Math.Max(1, commits), fileBytes);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void RunWrites(SqliteStateStore store, Line[] lines, double[] cumulative, int writes)
    {
        var remaining = writes;
        Task.WaitAll([.. Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var line = lines[Pick(cumulative)];
                await line.Turn.WaitAsync();
                try
                {
                    await line.IssueAsync(store);
                }
                finally
                {
                    line.Turn.Release();
                }
            }
        }))]);
    }

    private static int Pick(double[] cumulative)
    {
        var x = Random.Shared.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return i >= 0 ? i : Math.Min(~i, cumulative.Length - 1);
    }

    /// <summary>The bytes this process has caused to be written to the disk (Linux); 0 elsewhere.</summary>
    private static long DiskWrites()
    {
        const string file = "/proc/self/io";
        if (!File.Exists(file))
        {
            return 0;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("write_bytes:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["write_bytes:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>One theme's line as its grain writes it: the version it expects, its ticket count, the request ids it keeps.</summary>
    private sealed class Line(string hallId, string themeCode)
    {
        private readonly Queue<string> _requests = new();
        private long? _version;
        private int _issued;

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public async Task IssueAsync(SqliteStateStore store)
        {
            _issued++;
            var ticketId = GrainKeys.NewTicketId(hallId, themeCode);
            var request = $"r:Kiosk:kiosk-{hallId}/{Guid.NewGuid()}"; // as the kiosk page's request ids (a UUID per citizen)
            _requests.Enqueue(request);
            List<StoredRow> rows = [new("t:" + ticketId, Payload(180, _issued)), new(request, Payload(46, _issued))];
            if (_requests.Count > ThemeQueueState.MaxRequestIds)
            {
                rows.Add(new(_requests.Dequeue(), null));
            }

            var issued = new HallEvent(hallId, 0, DateTimeOffset.UtcNow, HallEventKind.TicketIssued, ticketId, $"A{_issued:000}", themeCode,
                Priority: PriorityClass.Normal, Channel: IssueChannel.Kiosk);
            var (version, _) = await store.WriteAsync("themequeue/line", $"{hallId}.{themeCode}", _version, Payload(45, _issued), [issued], new RowChanges(false, rows));
            _version = version;
        }

        private static byte[] Payload(int length, int seed)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }
    }
}

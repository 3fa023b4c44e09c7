using System.Collections.Concurrent;
using HdrHistogram;

namespace Queue.LoadTests.Engine;

/// <summary>Counts and latency histograms of one step (or of a scenario's whole iterations); safe for concurrent recording.</summary>
public sealed class StepStats(string name, int order)
{
    /// <summary>Latencies are recorded in microseconds, from 1 µs up to one hour, to 3 significant digits.</summary>
    public const long MaxMicros = 3_600_000_000;

    private readonly LongConcurrentHistogram _ok = new(1, MaxMicros, 3);
    private readonly LongConcurrentHistogram _fail = new(1, MaxMicros, 3);
    private readonly ConcurrentDictionary<string, long> _failures = new();
    private long _okCount;
    private long _failCount;

    public string Name { get; } = name;

    public int Order { get; } = order;

    public long OkCount => Interlocked.Read(ref _okCount);

    public long FailCount => Interlocked.Read(ref _failCount);

    public void Record(TimeSpan latency, Response response)
    {
        var micros = Math.Clamp((long)latency.TotalMicroseconds, 1, MaxMicros);
        if (response.IsOk)
        {
            _ok.RecordValue(micros);
            Interlocked.Increment(ref _okCount);
        }
        else
        {
            _fail.RecordValue(micros);
            _failures.AddOrUpdate(response.Status, 1, (_, n) => n + 1);
            Interlocked.Increment(ref _failCount);
        }
    }

    /// <summary>Adds failures that never ran (an open-model start the generator could not send before the deadline).</summary>
    public void RecordUnsent(long count, string status)
    {
        if (count <= 0)
        {
            return;
        }

        _failures.AddOrUpdate(status, count, (_, n) => n + count);
        Interlocked.Add(ref _failCount, count);
    }

    public StepReport Report(TimeSpan duration)
    {
        var ok = (LongConcurrentHistogram)_ok.Copy();
        var fail = (LongConcurrentHistogram)_fail.Copy();
        var okCount = OkCount;
        var failCount = FailCount;
        var seconds = Math.Max(duration.TotalSeconds, 1e-9);
        return new StepReport(
            Name,
            okCount,
            failCount,
            (okCount + failCount) / seconds,
            okCount / seconds,
            Percentiles.Of(ok),
            Percentiles.Of(fail),
            _failures.OrderByDescending(f => f.Value).ToDictionary(f => f.Key, f => f.Value));
    }
}

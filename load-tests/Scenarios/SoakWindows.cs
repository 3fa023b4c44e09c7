using HdrHistogram;
using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Scenarios;

/// <summary>
/// The soak's two windows: the first <see cref="Window"/> and the last <see cref="Window"/> of a run of
/// <see cref="Duration"/> (5 minutes each, or half the run when it is shorter than 10 minutes). Latencies are recorded
/// by when they were meant to start, so each window holds the requests sent in it. Safe for concurrent recording.
/// </summary>
public sealed class SoakWindows
{
    /// <summary>Issue 15: the first and last 5 minutes.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    private readonly LongConcurrentHistogram _first = new(1, StepStats.MaxMicros, 3);
    private readonly LongConcurrentHistogram _last = new(1, StepStats.MaxMicros, 3);

    public SoakWindows(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        Duration = duration;
        Window = WindowFor(duration);
    }

    public enum Part
    {
        First,
        Middle,
        Last,
    }

    public TimeSpan Duration { get; }

    public TimeSpan Window { get; }

    public Percentiles First => Percentiles.Of(_first);

    public Percentiles Last => Percentiles.Of(_last);

    /// <summary>Last window's p99 ÷ the first's; null while either is empty.</summary>
    public double? P99Ratio => _first.TotalCount > 0 && _last.TotalCount > 0 && First.P99 > 0 ? Last.P99 / First.P99 : null;

    /// <summary>5 minutes, or half of a shorter run, so the two windows never overlap.</summary>
    public static TimeSpan WindowFor(TimeSpan duration) => duration >= 2 * Longest ? Longest : duration / 2;

    /// <summary>The window a request meant to start <paramref name="sinceStart"/> after the run's start falls in.</summary>
    public Part PartAt(TimeSpan sinceStart) =>
        sinceStart < Window ? Part.First : sinceStart >= Duration - Window ? Part.Last : Part.Middle;

    public Part Record(TimeSpan sinceStart, TimeSpan latency)
    {
        var part = PartAt(sinceStart);
        var micros = Math.Clamp((long)latency.TotalMicroseconds, 1, StepStats.MaxMicros);
        if (part == Part.First)
        {
            _first.RecordValue(micros);
        }
        else if (part == Part.Last)
        {
            _last.RecordValue(micros);
        }

        return part;
    }
}

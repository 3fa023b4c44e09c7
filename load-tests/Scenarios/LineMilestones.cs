namespace Queue.LoadTests.Scenarios;

/// <summary>
/// Counts the tickets one stream of issues puts into an empty line and times two samples of it: the
/// <see cref="Sample"/> tickets after the first <see cref="Offset"/> (the line nearly empty; the offset, one ticket per
/// client, lets every client's first answer come in, so the sample starts in the steady state) and the <see cref="Sample"/>
/// tickets after <see cref="Deep"/> (Deep → Deep + Sample waiting). The tickets in between fill the line and are not
/// counted. Each rate is the sample's tickets ÷ the time from the completion before its first to that of its last, so the
/// two are measured the same way, by the same clients. Safe for concurrent use.
/// </summary>
public sealed class LineMilestones
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;
    private double _emptyStart = double.NaN;
    private double _emptyEnd = double.NaN;
    private double _deepStart = double.NaN;
    private double _deepEnd = double.NaN;
    private long _lastMicros;

    public LineMilestones(int sample, int deep, int offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sample, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(deep, offset + sample);
        Sample = sample;
        Deep = deep;
        Offset = offset;
    }

    public enum Part
    {
        Empty,
        Filling,
        Deep,
        After,
    }

    public int Sample { get; }

    public int Deep { get; }

    /// <summary>Tickets before the empty sample (one per client), not counted.</summary>
    public int Offset { get; }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Seconds from the stream's start to the last ticket counted: how long the measured stream ran.</summary>
    public double Elapsed => Interlocked.Read(ref _lastMicros) / 1e6;

    /// <summary>Completed once the deep sample has all its tickets.</summary>
    public Task Done => _done.Task;

    /// <summary>Tickets per second of the first sample (empty line); null until it is complete.</summary>
    public double? EmptyRate => Rate(Offset == 0 ? 0 : Volatile.Read(ref _emptyStart), Volatile.Read(ref _emptyEnd));

    /// <summary>Tickets per second of the sample after <see cref="Deep"/> waiting; null until it is complete.</summary>
    public double? DeepRate => Rate(Volatile.Read(ref _deepStart), Volatile.Read(ref _deepEnd));

    /// <summary>Deep rate ÷ empty rate; null until both are complete.</summary>
    public double? Ratio => EmptyRate is { } empty && DeepRate is { } deep ? deep / empty : null;

    /// <summary>Which part the next ticket would fall in (for a failed issue, which adds none).</summary>
    public Part Current => PartOf(Count + 1);

    /// <summary>Counts one issued ticket, completed <paramref name="seconds"/> after the stream started; answers its part.</summary>
    public Part Issued(double seconds)
    {
        var n = Interlocked.Increment(ref _count);
        var micros = (long)(seconds * 1e6);
        for (var seen = Interlocked.Read(ref _lastMicros); micros > seen; seen = Interlocked.Read(ref _lastMicros))
        {
            if (Interlocked.CompareExchange(ref _lastMicros, micros, seen) == seen)
            {
                break;
            }
        }

        if (n == Offset)
        {
            Volatile.Write(ref _emptyStart, seconds);
        }

        if (n == Offset + Sample)
        {
            Volatile.Write(ref _emptyEnd, seconds);
        }

        if (n == Deep)
        {
            Volatile.Write(ref _deepStart, seconds);
        }

        if (n == Deep + Sample)
        {
            Volatile.Write(ref _deepEnd, seconds);
            _done.TrySetResult();
        }

        return PartOf(n);
    }

    public Part PartOf(long n) =>
        n <= Offset ? Part.Filling : n <= Offset + Sample ? Part.Empty : n <= Deep ? Part.Filling : n <= Deep + Sample ? Part.Deep : Part.After;

    private double? Rate(double start, double end) => double.IsNaN(start) || double.IsNaN(end) ? null : Sample / Math.Max(end - start, 1e-6);
}

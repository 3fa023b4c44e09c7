using System.Collections.Concurrent;

namespace Queue.LoadTests.Tests;

/// <summary>Counts how many probed operations run at once, and what each one saw when it began.</summary>
public sealed class ConcurrencyProbe
{
    private readonly ConcurrentQueue<int> _seenAtEntry = new();
    private int _now;
    private int _max;

    public int Max => Volatile.Read(ref _max);

    public IReadOnlyList<int> SeenAtEntry => [.. _seenAtEntry];

    public async Task RunAsync(TimeSpan duration)
    {
        var now = Interlocked.Increment(ref _now);
        _seenAtEntry.Enqueue(now);
        for (var seen = Volatile.Read(ref _max); now > seen; seen = Volatile.Read(ref _max))
        {
            if (Interlocked.CompareExchange(ref _max, now, seen) == seen)
            {
                break;
            }
        }

        try
        {
            await Task.Delay(duration);
        }
        finally
        {
            Interlocked.Decrement(ref _now);
        }
    }
}

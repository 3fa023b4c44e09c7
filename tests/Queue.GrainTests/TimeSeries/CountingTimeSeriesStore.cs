using System.Collections.Concurrent;
using Queue.Contracts.Events;
using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;

namespace Queue.GrainTests.TimeSeries;

/// <summary>
/// A store wrapper that counts, per (hall, sequence), how often a write containing the event was acknowledged, and
/// counts failed writes (and failed attempts to create the database). With <see cref="FailWrites"/> set it fails every write, as a store that is down.
/// </summary>
public sealed class CountingTimeSeriesStore(ITimeSeriesStore inner) : ITimeSeriesStore
{
    private int _failures;

    public ConcurrentDictionary<(string Hall, long Sequence), int> Acknowledged { get; } = new();

    public ConcurrentQueue<long> AcknowledgedInOrder { get; } = new();

    public volatile bool FailWrites;

    public int Failures => Volatile.Read(ref _failures);

    public string Name => inner.Name;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.EnsureCreatedAsync(cancellationToken);
        }
        catch
        {
            Interlocked.Increment(ref _failures);
            throw;
        }
    }

    public async Task WriteAsync(IReadOnlyList<HallEvent> events, string source = TimeSeriesSource.Live, CancellationToken cancellationToken = default)
    {
        try
        {
            if (FailWrites)
            {
                throw new HttpRequestException("the store is down (simulated)");
            }

            await inner.WriteAsync(events, source, cancellationToken);
        }
        catch
        {
            Interlocked.Increment(ref _failures);
            throw;
        }

        foreach (var e in events)
        {
            Acknowledged.AddOrUpdate((e.HallId, e.Sequence), 1, (_, n) => n + 1);
            AcknowledgedInOrder.Enqueue(e.Sequence);
        }
    }

    public Task<IReadOnlyList<TimeBucket>> ReadBucketsAsync(string hallId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        inner.ReadBucketsAsync(hallId, from, to, cancellationToken);

    public Task<IReadOnlyList<ServiceSample>> ReadServiceSamplesAsync(
        string hallId, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, CancellationToken cancellationToken = default) =>
        inner.ReadServiceSamplesAsync(hallId, from, to, zone, cancellationToken);

    public Task<IReadOnlyList<long>> ReadSequencesAsync(string hallId, string source = TimeSeriesSource.Live, CancellationToken cancellationToken = default) =>
        inner.ReadSequencesAsync(hallId, source, cancellationToken);
}

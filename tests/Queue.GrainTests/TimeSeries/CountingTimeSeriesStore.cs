using System.Collections.Concurrent;
using Queue.Contracts.Events;
using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;

namespace Queue.GrainTests.TimeSeries;

/// <summary>
/// A store wrapper that counts, per (hall, sequence), how often a write containing the event was acknowledged, and
/// counts failed writes (and failed attempts to create the database). With <see cref="FailWrites"/> set it fails every write, as a store that is down.
/// <see cref="UntilAsync(Func{Task{bool}}, TimeSpan, string)"/> waits for what the writes change, woken by each write attempt.
/// </summary>
public sealed class CountingTimeSeriesStore(ITimeSeriesStore inner) : ITimeSeriesStore
{
    private int _failures;
    private TaskCompletionSource _attempted = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
            Attempted();
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
            Attempted();
            throw;
        }

        foreach (var e in events)
        {
            Acknowledged.AddOrUpdate((e.HallId, e.Sequence), 1, (_, n) => n + 1);
            AcknowledgedInOrder.Enqueue(e.Sequence);
        }

        Attempted();
    }

    /// <summary>
    /// Waits (bounded) until <paramref name="condition"/> holds, checking it again after each write attempt, acknowledged
    /// or failed: for conditions on what this store holds or counts, which change only then.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            var attempted = Volatile.Read(ref _attempted).Task; // taken before the check, so no attempt goes unnoticed
            if (await condition())
            {
                return;
            }

            try
            {
                await attempted.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"not within {timeout.TotalSeconds} s: {what}");
            }
        }
    }

    public Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);

    private void Attempted() =>
        Interlocked.Exchange(ref _attempted, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public Task<IReadOnlyList<TimeBucket>> ReadBucketsAsync(string hallId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        inner.ReadBucketsAsync(hallId, from, to, cancellationToken);

    public Task<IReadOnlyList<ServiceSample>> ReadServiceSamplesAsync(
        string hallId, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, CancellationToken cancellationToken = default) =>
        inner.ReadServiceSamplesAsync(hallId, from, to, zone, cancellationToken);

    public Task<IReadOnlyList<long>> ReadSequencesAsync(string hallId, string source = TimeSeriesSource.Live, CancellationToken cancellationToken = default) =>
        inner.ReadSequencesAsync(hallId, source, cancellationToken);
}

using Queue.Contracts.Events;
using Queue.Domain.Analytics;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// Where hall events go for analytics: the embedded SQLite store (<see cref="SqliteTimeSeriesStore"/>, the default) or
/// InfluxDB (<see cref="InfluxTimeSeriesStore"/>). The contract both keep:
/// <list type="bullet">
/// <item><b>Idempotent writes.</b> An event's identity is (hall, source, sequence). Writing it again, alone or inside an
/// overlapping batch, changes nothing, so a relay that retries after a lost acknowledgement never double-counts.</item>
/// <item><b>Acknowledged means durable.</b> <see cref="WriteAsync"/> completes only when the store has kept the whole
/// batch; it throws otherwise, and the caller retries the same batch.</item>
/// <item><b>Sources apart.</b> Live events (<see cref="TimeSeriesSource.Live"/>) and synthetic demo history
/// (<see cref="TimeSeriesSource.Synthetic"/>) have separate sequence spaces and are told apart in the store; the
/// aggregate reads count both.</item>
/// </list>
/// The reads return 15-minute buckets per theme and window, and service samples; the date-range reads (buckets and
/// arrivals per half-hour of given dates) are in <see cref="TimeSeriesQueries"/> and the figures in
/// <see cref="AnalyticsFigures"/>, the same code for both stores.
/// </summary>
public interface ITimeSeriesStore
{
    /// <summary>A stable name for the relay's cursors, e.g. <c>embedded</c> or <c>influx:queue</c>.</summary>
    string Name { get; }

    /// <summary>Creates the database or schema if missing. Idempotent; the relay calls it again after a failure.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    Task WriteAsync(IReadOnlyList<HallEvent> events, string source = TimeSeriesSource.Live, CancellationToken cancellationToken = default);

    /// <summary>Totals per theme, window (0: none, e.g. arrivals) and 15-minute bucket in [from, to), over all sources.</summary>
    Task<IReadOnlyList<TimeBucket>> ReadBucketsAsync(string hallId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Every completed service whose completion lies in [from, to), dated by when the service started in the hall's zone.</summary>
    Task<IReadOnlyList<ServiceSample>> ReadServiceSamplesAsync(string hallId, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, CancellationToken cancellationToken = default);

    /// <summary>The sequence numbers the store holds for a hall and source, ascending, each once.</summary>
    Task<IReadOnlyList<long>> ReadSequencesAsync(string hallId, string source = TimeSeriesSource.Live, CancellationToken cancellationToken = default);
}

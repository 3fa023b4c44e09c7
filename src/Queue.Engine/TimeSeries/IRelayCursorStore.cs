namespace Queue.Engine.TimeSeries;

/// <summary>
/// Durable positions of the relay: per sink (a store's <see cref="ITimeSeriesStore.Name"/>) and hall, the last journal
/// sequence the sink acknowledged. A key that was never set reads 0.
/// </summary>
public interface IRelayCursorStore
{
    Task<long> GetAsync(string sink, string hallId, CancellationToken cancellationToken = default);

    Task SetAsync(string sink, string hallId, long sequence, CancellationToken cancellationToken = default);
}

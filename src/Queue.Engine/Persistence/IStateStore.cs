using Queue.Contracts.Events;
using Queue.Domain;

namespace Queue.Engine.Persistence;

/// <summary>
/// The relational store behind grain state and the hall event journal. One implementation per SQL dialect
/// (SQLite for a single node; PostgreSQL for a cluster) with the same contract:
/// <list type="bullet">
/// <item>a write succeeds only if the stored version is <c>expectedVersion</c> (null: no row yet), and
/// commits the payload, its changed rows and the events together, or neither;</item>
/// <item>a read returns the payload with its rows as one consistent snapshot;</item>
/// <item>events of a hall get consecutive sequence numbers, with no gaps and no duplicates.</item>
/// </list>
/// </summary>
public interface IStateStore
{
    Task<StoredState?> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken = default);

    /// <summary>Returns the new version and the events with their sequence numbers.</summary>
    Task<(long Version, IReadOnlyList<HallEvent> Events)> WriteAsync(
        string grainType, string grainKey, long? expectedVersion, byte[] payload, IReadOnlyList<HallEvent> events, RowChanges? rows = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the payload and its rows.</summary>
    Task ClearAsync(string grainType, string grainKey, long? expectedVersion, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HallEvent>> ReadEventsAsync(string hallId, long afterSequence, int max, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HallEvent>> ReadTicketEventsAsync(string ticketId, CancellationToken cancellationToken = default);

    Task<long> LastSequenceAsync(string hallId, CancellationToken cancellationToken = default);
}

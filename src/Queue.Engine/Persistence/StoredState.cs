using Queue.Domain;

namespace Queue.Engine.Persistence;

/// <summary>One grain's persisted payload, its version (the etag) and the rows stored apart from the payload (<see cref="IRowedState"/>).</summary>
public sealed record StoredState(long Version, byte[] Payload, IReadOnlyList<StoredRow> Rows)
{
    public StoredState(long version, byte[] payload)
        : this(version, payload, [])
    {
    }
}

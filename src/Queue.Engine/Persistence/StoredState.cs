namespace Queue.Engine.Persistence;

/// <summary>One grain's persisted payload and its version (the etag).</summary>
public sealed record StoredState(long Version, byte[] Payload);

namespace Queue.Contracts.Config;

/// <summary>
/// Who saves a configuration and which version they edited: with <see cref="ExpectedVersion"/> the save is refused
/// (409) when someone saved another version meanwhile (optimistic concurrency; the page sends it as If-Match).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ConfigEdit(
    [property: Id(0)] int? ExpectedVersion,
    [property: Id(1)] string? ActorId);

/// <summary>A hall's configuration (null when never configured) with its version: 0 before the first save, +1 at each save.</summary>
[GenerateSerializer, Immutable]
public sealed record VersionedConfig(
    [property: Id(0)] HallConfig? Config,
    [property: Id(1)] int Version);

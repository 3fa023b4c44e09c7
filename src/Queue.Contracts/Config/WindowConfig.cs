using Queue.Contracts.Model;

namespace Queue.Contracts.Config;

/// <summary>
/// A counter (窗口) with its number, zone and default profile. A <see cref="Tidal"/> window (潮汐窗口) may be moved by the
/// tidal plan among the themes of its profile (all themes when comprehensive).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WindowConfig(
    [property: Id(0)] int WindowNo,
    [property: Id(1)] string ZoneId,
    [property: Id(2)] WindowProfile Profile,
    [property: Id(3)] string? Label = null,
    [property: Id(4)] bool Tidal = false);

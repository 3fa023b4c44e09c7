namespace Queue.Contracts.Config;

/// <summary>A zone (区) of the hall, with its own board: e.g. 不动产区, 综合受理区.</summary>
[GenerateSerializer, Immutable]
public sealed record ZoneConfig(
    [property: Id(0)] string ZoneId,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameEn);

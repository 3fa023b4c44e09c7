namespace Queue.Contracts.Security;

/// <summary>A hall device as the API lists it. Its token is shown once, when it is registered.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceView(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string HallId,
    [property: Id(2)] DeviceKind Kind,
    [property: Id(3)] string Name,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset? RevokedAt,
    [property: Id(7)] string? RevokedBy)
{
    public bool Revoked => RevokedAt is not null;
}

namespace Queue.Contracts.Security;

/// <summary>An account as the API shows it (no credential).</summary>
[GenerateSerializer, Immutable]
public sealed record AccountView(
    [property: Id(0)] string UserName,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] Role Role,
    [property: Id(3)] string? HallId,
    [property: Id(4)] bool Disabled,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string CreatedBy);

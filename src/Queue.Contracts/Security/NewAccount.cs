namespace Queue.Contracts.Security;

/// <summary>Create an account. Staff and managers name their hall; an administrator names none.</summary>
[GenerateSerializer, Immutable]
public sealed record NewAccount(
    [property: Id(0)] string UserName,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] Role Role,
    [property: Id(3)] string? HallId,
    [property: Id(4)] PasswordHash Password,
    [property: Id(5)] string CreatedBy);

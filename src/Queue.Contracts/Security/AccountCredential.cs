namespace Queue.Contracts.Security;

/// <summary>
/// What a web node needs to check a sign-in: the password hash, and the epoch that every session token names.
/// Changing the password, signing out or disabling the account moves the epoch, which ends every session at once.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AccountCredential(
    [property: Id(0)] AccountView Account,
    [property: Id(1)] PasswordHash Password,
    [property: Id(2)] int Epoch);

using Orleans.Concurrency;
using Queue.Contracts.Security;

namespace Queue.Contracts.Grains;

/// <summary>
/// Every person's account (key: 0). Read on sign-in and, through each web node's short cache, when a session is
/// checked; never on a ticket's path. Passwords arrive hashed: the web tier hashes them.
/// </summary>
[Alias("Queue.IAccountsGrain")]
public interface IAccountsGrain : IGrainWithIntegerKey
{
    [Alias("GetCredential"), ReadOnly]
    Task<AccountCredential?> GetCredentialAsync(string userName);

    /// <summary>Accounts of one hall, or every account when <paramref name="hallId"/> is null.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<AccountView>> ListAsync(string? hallId);

    /// <summary>Creates the account; 409 if the user name is taken.</summary>
    [Alias("Create")]
    Task<AccountView> CreateAsync(NewAccount account);

    /// <summary>Creates the first administrator if there is no account at all; false (and no change) otherwise.</summary>
    [Alias("CreateFirstAdministrator")]
    Task<bool> CreateFirstAdministratorAsync(NewAccount administrator);

    /// <summary>Sets a new password and ends every session of the account.</summary>
    [Alias("SetPassword")]
    Task<AccountView> SetPasswordAsync(string userName, PasswordHash password);

    /// <summary>Disables or enables the account; disabling ends every session.</summary>
    [Alias("SetDisabled")]
    Task<AccountView> SetDisabledAsync(string userName, bool disabled);

    /// <summary>Ends every session of the account (sign out everywhere).</summary>
    [Alias("EndSessions")]
    Task EndSessionsAsync(string userName);

    /// <summary>How long sign-ins to this name stay refused after too many wrong passwords; null when they are open.</summary>
    [Alias("SignInLockedFor")]
    Task<TimeSpan?> SignInLockedForAsync(string userName);

    /// <summary>A wrong password for this name (known or not, so that a lock says nothing about who exists).</summary>
    [Alias("SignInFailed")]
    Task SignInFailedAsync(string userName);

    /// <summary>A right password: the name's count of wrong ones starts over.</summary>
    [Alias("SignInSucceeded")]
    Task SignInSucceededAsync(string userName);
}

using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Security;
using Queue.Engine.Grains;
using Queue.Hosting;
using Queue.Engine.Persistence;

namespace Queue.Engine.Security;

/// <summary>
/// Every account of the installation, persisted like any grain state. A few hundred accounts per province: one grain
/// holds them all, and it is read only at sign-in and when a web node's cache of a session expires.
/// </summary>
public sealed class AccountsGrain(
    [PersistentState("accounts", QueueGrainStorage.ProviderName)] IPersistentState<AccountsState> state,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<AccountsState>(state), IAccountsGrain
{
    private readonly SignInGuard _guard = new();

    public Task<AccountCredential?> GetCredentialAsync(string userName) =>
        Task.FromResult(State.Accounts.GetValueOrDefault(userName));

    public Task<IReadOnlyList<AccountView>> ListAsync(string? hallId) =>
        Task.FromResult<IReadOnlyList<AccountView>>(
            [.. State.Accounts.Values.Select(a => a.Account).Where(a => hallId is null || a.HallId == hallId).OrderBy(a => a.UserName, StringComparer.Ordinal)]);

    public async Task<AccountView> CreateAsync(NewAccount account)
    {
        Check(account);
        if (State.Accounts.ContainsKey(account.UserName))
        {
            throw Refusals.AccountExists(account.UserName);
        }

        return await Add(account);
    }

    public async Task<bool> CreateFirstAdministratorAsync(NewAccount administrator)
    {
        if (State.Accounts.Count > 0)
        {
            return false;
        }

        Check(administrator with { Role = Role.Administrator, HallId = null });
        await Add(administrator with { Role = Role.Administrator, HallId = null });
        return true;
    }

    public async Task<AccountView> SetPasswordAsync(string userName, PasswordHash password)
    {
        var credential = Find(userName);
        State.Accounts[userName] = credential with { Password = password, Epoch = credential.Epoch + 1 };
        await SaveAsync();
        return credential.Account;
    }

    public async Task<AccountView> SetDisabledAsync(string userName, bool disabled)
    {
        var credential = Find(userName);
        if (disabled && credential.Account.Role == Role.Administrator &&
            !State.Accounts.Values.Any(a => a.Account is { Role: Role.Administrator, Disabled: false } && a.Account.UserName != userName))
        {
            throw Refusals.LastAdministrator();
        }

        var account = credential.Account with { Disabled = disabled };
        State.Accounts[userName] = credential with { Account = account, Epoch = credential.Epoch + 1 };
        await SaveAsync();
        return account;
    }

    public async Task EndSessionsAsync(string userName)
    {
        var credential = Find(userName);
        State.Accounts[userName] = credential with { Epoch = credential.Epoch + 1 };
        await SaveAsync();
    }

    public Task<TimeSpan?> SignInLockedForAsync(string userName) => Task.FromResult(_guard.LockedFor(userName, clock.GetUtcNow()));

    public Task SignInFailedAsync(string userName)
    {
        _guard.Failed(userName, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task SignInSucceededAsync(string userName)
    {
        _guard.Succeeded(userName);
        return Task.CompletedTask;
    }

    private async Task<AccountView> Add(NewAccount account)
    {
        var view = new AccountView(account.UserName, account.DisplayName, account.Role, account.HallId, Disabled: false, clock.GetUtcNow(), account.CreatedBy);
        State.Accounts[account.UserName] = new AccountCredential(view, account.Password, Epoch: 1);
        await SaveAsync();
        return view;
    }

    private AccountCredential Find(string userName) =>
        State.Accounts.GetValueOrDefault(userName)
        ?? throw Refusals.AccountNotFound(userName);

    private static void Check(NewAccount account)
    {
        if (!Identifiers.UserName().IsMatch(account.UserName))
        {
            throw Refusals.InvalidUserName();
        }

        var needsHall = account.Role is Role.Staff or Role.Manager;
        if (needsHall != account.HallId is not null || (account.HallId is { } hall && !Identifiers.HallId().IsMatch(hall)))
        {
            throw Refusals.AccountHall();
        }
    }
}

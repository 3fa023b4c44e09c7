using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Queue.Contracts.Grains;
using Queue.Contracts.Security;
using Queue.Dashboard.Http;

namespace Queue.Dashboard.Security;

/// <summary>
/// Turns a token into a <see cref="Caller"/>: a session token is checked against its signature, expiry and the
/// account's current epoch; a device token against the device's stored hash and revocation. What a node reads of
/// accounts and devices it keeps for <see cref="SecurityOptions.CredentialCache"/>, so a busy board costs no grain
/// call per request; changes made through this node drop its copy at once.
/// </summary>
public sealed class Credentials(
    IGrainFactory grains,
    KnownHalls halls,
    QueueKeys keys,
    IOptions<SecurityOptions> options,
    [FromKeyedServices(global::Queue.Hosting.QueueClock.Key)] TimeProvider clock)
{
    /// <summary>Beyond this many cached entries (made-up tokens, say) a cache starts over rather than grow.</summary>
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, AccountCredential? Value)> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, DeviceCredential? Value)> _devices = new(StringComparer.Ordinal);

    public async Task<Caller?> AuthenticateAsync(string token)
    {
        if (token.StartsWith(SessionToken.Prefix, StringComparison.Ordinal))
        {
            return await SessionCaller(token);
        }

        return token.StartsWith(DeviceToken.Prefix, StringComparison.Ordinal) && DeviceToken.Read(token) is { } device
            ? await DeviceCaller(device)
            : null;
    }

    public async Task<AccountCredential?> AccountAsync(string userName)
    {
        var now = clock.GetUtcNow();
        if (_accounts.TryGetValue(userName, out var cached) && now - cached.ReadAt < options.Value.CredentialCache)
        {
            return cached.Value;
        }

        // An unknown name is not remembered: the first administrator may be created a moment after a sign-in was tried.
        var credential = await grains.GetGrain<IAccountsGrain>(0).GetCredentialAsync(userName);
        if (credential is not null)
        {
            Bound(_accounts);
            _accounts[userName] = (now, credential);
        }

        return credential;
    }

    /// <summary>The account as stored now (a sign-in, a password change, an account being managed), cached afresh.</summary>
    public Task<AccountCredential?> FreshAccountAsync(string userName)
    {
        Forget(userName);
        return AccountAsync(userName);
    }

    /// <summary>After a change made through this node: read the account afresh next time.</summary>
    public void Forget(string userName) => _accounts.TryRemove(userName, out _);

    public void ForgetDevice(string hallId, string deviceId) => _devices.TryRemove(hallId + "/" + deviceId, out _);

    public static Caller CallerOf(AccountView account) => new(
        account.Role switch
        {
            Role.Administrator => CallerKind.Administrator,
            Role.Manager => CallerKind.Manager,
            _ => CallerKind.Staff,
        },
        account.UserName,
        account.DisplayName,
        account.HallId);

    private static void Bound<T>(ConcurrentDictionary<string, T> cache)
    {
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }
    }

    private async Task<Caller?> SessionCaller(string token)
    {
        var session = await SessionToken.ReadAsync(token, keys);
        if (session is null || session.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }

        var credential = await AccountAsync(session.UserName);
        return credential is { Account.Disabled: false } && credential.Epoch == session.Epoch ? CallerOf(credential.Account) : null;
    }

    private async Task<Caller?> DeviceCaller(DeviceToken token)
    {
        var key = token.HallId + "/" + token.DeviceId;
        var now = clock.GetUtcNow();
        if (!_devices.TryGetValue(key, out var cached) || now - cached.ReadAt >= options.Value.CredentialCache)
        {
            if (!await halls.ContainsAsync(token.HallId))
            {
                return null;
            }

            cached = (now, await grains.GetGrain<IHallDevicesGrain>(token.HallId).GetCredentialAsync(token.DeviceId));
            Bound(_devices);
            _devices[key] = cached;
        }

        return cached.Value is { Device.Revoked: false } device && token.Matches(device.SecretHash)
            ? new Caller(device.Device.Kind == DeviceKind.Kiosk ? CallerKind.Kiosk : CallerKind.Board, device.Device.DeviceId, device.Device.Name, device.Device.HallId)
            : null;
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Security;
using Queue.Engine.Grains;
using Queue.Hosting;
using Queue.Engine.Persistence;

namespace Queue.Engine.Security;

/// <summary>One hall's kiosks and boards. A device's token names its hall and id, so checking one reads this grain only.</summary>
public sealed class HallDevicesGrain(
    [PersistentState("devices", QueueGrainStorage.ProviderName)] IPersistentState<HallDevicesState> state,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<HallDevicesState>(state), IHallDevicesGrain
{
    /// <summary>Registered devices per hall, revoked ones included; far above any hall's kiosks and screens.</summary>
    private const int MaxDevices = 500;

    private string HallId => this.GetPrimaryKeyString();

    public Task<IReadOnlyList<DeviceView>> ListAsync() =>
        Task.FromResult<IReadOnlyList<DeviceView>>([.. State.Devices.Values.Select(d => d.Device).OrderBy(d => d.CreatedAt).ThenBy(d => d.DeviceId, StringComparer.Ordinal)]);

    public Task<DeviceCredential?> GetCredentialAsync(string deviceId) => Task.FromResult(State.Devices.GetValueOrDefault(deviceId));

    public async Task<DeviceView> RegisterAsync(RegisterDevice device)
    {
        if (State.Devices.Count >= MaxDevices)
        {
            throw Refusals.TooManyDevices(MaxDevices);
        }

        string id;
        do
        {
            id = (device.Kind == DeviceKind.Kiosk ? "k" : "b") + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        }
        while (State.Devices.ContainsKey(id));

        var view = new DeviceView(id, HallId, device.Kind, device.Name, clock.GetUtcNow(), device.CreatedBy, RevokedAt: null, RevokedBy: null);
        State.Devices[id] = new DeviceCredential(view, device.SecretHash);
        await SaveAsync();
        return view;
    }

    public async Task<DeviceView> RotateAsync(string deviceId, string secretHash, string rotatedBy)
    {
        var credential = State.Devices.GetValueOrDefault(deviceId)
            ?? throw Refusals.DeviceNotFound(deviceId);
        if (credential.Device.Revoked)
        {
            throw Refusals.DeviceRevoked(deviceId);
        }

        State.Devices[deviceId] = credential with { SecretHash = secretHash };
        await SaveAsync();
        return credential.Device;
    }

    public async Task<DeviceView> RevokeAsync(string deviceId, string revokedBy)
    {
        var credential = State.Devices.GetValueOrDefault(deviceId)
            ?? throw Refusals.DeviceNotFound(deviceId);
        if (credential.Device.Revoked)
        {
            return credential.Device;
        }

        var view = credential.Device with { RevokedAt = clock.GetUtcNow(), RevokedBy = revokedBy };
        State.Devices[deviceId] = credential with { Device = view };
        await SaveAsync();
        return view;
    }
}

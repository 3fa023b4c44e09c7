using Orleans.Concurrency;
using Queue.Contracts.Security;

namespace Queue.Contracts.Grains;

/// <summary>A hall's kiosks and boards and their tokens (key: hall id). Revoked devices stay listed, for the record.</summary>
[Alias("Queue.IHallDevicesGrain")]
public interface IHallDevicesGrain : IGrainWithStringKey
{
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<DeviceView>> ListAsync();

    [Alias("GetCredential"), ReadOnly]
    Task<DeviceCredential?> GetCredentialAsync(string deviceId);

    /// <summary>Registers a device under a new id.</summary>
    [Alias("Register")]
    Task<DeviceView> RegisterAsync(RegisterDevice device);

    /// <summary>
    /// Gives the device a new secret (its hash): the old token stops working at once. 404 for an unknown device,
    /// 409 for a revoked one.
    /// </summary>
    [Alias("Rotate")]
    Task<DeviceView> RotateAsync(string deviceId, string secretHash, string rotatedBy);

    /// <summary>Revokes the device's token for good; 404 for an unknown device.</summary>
    [Alias("Revoke")]
    Task<DeviceView> RevokeAsync(string deviceId, string revokedBy);
}

using Queue.Contracts.Grains;
using Queue.Contracts.Security;

namespace Queue.Dashboard.Security;

/// <summary>
/// A device just registered, with its token: the only time the token is ever shown. <see cref="Link"/> is the page's
/// path and query; <see cref="Url"/> the same made absolute with the installation's public address (Queue:Web:PublicBaseUrl).
/// </summary>
public sealed record RegisteredDevice(DeviceView Device, string Token, string Link, string? Url = null);

public static class DeviceRegistration
{
    public static async Task<RegisteredDevice> RegisterAsync(IGrainFactory grains, string hallId, DeviceKind kind, string name, string createdBy)
    {
        var secret = DeviceToken.NewSecret();
        var device = await grains.GetGrain<IHallDevicesGrain>(hallId)
            .RegisterAsync(new RegisterDevice(kind, name, DeviceToken.HashOf(secret), createdBy));
        var token = new DeviceToken(hallId, device.DeviceId, secret).ToString();
        return new RegisteredDevice(device, token, LinkOf(device, token));
    }

    /// <summary>A new secret for a registered device: the old token stops working, the new one is shown only now.</summary>
    public static async Task<RegisteredDevice> RotateAsync(IGrainFactory grains, string hallId, string deviceId, string rotatedBy)
    {
        var secret = DeviceToken.NewSecret();
        var device = await grains.GetGrain<IHallDevicesGrain>(hallId).RotateAsync(deviceId, DeviceToken.HashOf(secret), rotatedBy);
        var token = new DeviceToken(hallId, device.DeviceId, secret).ToString();
        return new RegisteredDevice(device, token, LinkOf(device, token));
    }

    /// <summary>The page to open on the device, token included; the page trades it for a cookie and drops it from the address bar.</summary>
    private static string LinkOf(DeviceView device, string token) =>
        $"/{(device.Kind == DeviceKind.Kiosk ? "kiosk" : "board")}/{device.HallId}?device={Uri.EscapeDataString(token)}";
}

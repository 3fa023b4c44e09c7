using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Security;
using Queue.Dashboard.Http;

namespace Queue.Dashboard.Security;

/// <summary>A hall's kiosks and boards: register one (its token is shown once), list them, give one a new link, revoke one.</summary>
public static class DeviceEndpoints
{
    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder routes)
    {
        var devices = routes.MapGroup("/api/halls/{hallId}/devices").WithTags("Devices").RequireHall(Permission.Manage)
            .ProducesAccessRefusals().ProducesRefusals(404);
        devices.MapGet("/", List).WithSummary("设备列表（含已吊销）/ The hall's devices, revoked ones included");
        devices.MapPost("/", Register).ProducesBodyRefusals().ProducesRefusals(409).WithSummary("登记取号机或叫号屏；令牌仅返回这一次 / Register a kiosk or board; its token is returned only now");
        devices.MapPost("/{deviceId}/rotate", Rotate).ProducesRefusals(409)
            .WithSummary("重新生成设备链接：旧令牌立即失效，新链接仅返回这一次 / A new link for a device: the old token stops at once, the new one is returned only now");
        devices.MapPost("/{deviceId}/revoke", Revoke).WithSummary("吊销设备令牌 / Revoke a device's token");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<DeviceView>>> List(string hallId, IGrainFactory grains)
    {
        await RequestRules.ExistingHall(grains, hallId);
        return TypedResults.Ok(await grains.GetGrain<IHallDevicesGrain>(hallId).ListAsync());
    }

    private static async Task<Created<RegisteredDevice>> Register(
        string hallId, RegisterDeviceRequest? request, HttpContext http, IGrainFactory grains, PublicLinks links, ILoggerFactory logs)
    {
        await RequestRules.ExistingHall(grains, hallId);
        var body = RequestRules.Body(request);
        var kind = body.Kind ?? throw Refusals.MissingKind();
        RequestRules.Defined(body.Kind, DeviceKind.Kiosk, "kind");
        var registered = await DeviceRegistration.RegisterAsync(grains, hallId, kind, RequestRules.Text(body.Name, "name", 64), http.Caller().Id);
        logs.Audit().LogInformation("Device {DeviceId} ({Kind}) registered in {HallId} by {Caller}", registered.Device.DeviceId, kind, hallId, http.Caller().Id);
        return TypedResults.Created($"/api/halls/{hallId}/devices/{registered.Device.DeviceId}", registered with { Url = links.Absolute(http.Request, registered.Link) });
    }

    /// <summary>
    /// Only the secret's hash is stored, so a device's link cannot be shown again: a new secret replaces it, and the
    /// device (or its replacement) opens the new link. Its open hub connections close at the next sweep.
    /// </summary>
    private static async Task<Ok<RegisteredDevice>> Rotate(
        string hallId, string deviceId, HttpContext http, IGrainFactory grains, Credentials credentials, PublicLinks links, ILoggerFactory logs)
    {
        await RequestRules.ExistingHall(grains, hallId);
        if (!Identifiers.DeviceId().IsMatch(deviceId))
        {
            throw Refusals.DeviceNotFound(deviceId);
        }

        var rotated = await DeviceRegistration.RotateAsync(grains, hallId, deviceId, http.Caller().Id);
        credentials.ForgetDevice(hallId, deviceId);
        logs.Audit().LogInformation("Device {DeviceId} in {HallId} given a new link by {Caller}", deviceId, hallId, http.Caller().Id);
        return TypedResults.Ok(rotated with { Url = links.Absolute(http.Request, rotated.Link) });
    }

    private static async Task<Ok<DeviceView>> Revoke(
        string hallId, string deviceId, HttpContext http, IGrainFactory grains, Credentials credentials, ILoggerFactory logs)
    {
        await RequestRules.ExistingHall(grains, hallId);
        if (!Identifiers.DeviceId().IsMatch(deviceId))
        {
            throw Refusals.DeviceNotFound(deviceId);
        }

        var device = await grains.GetGrain<IHallDevicesGrain>(hallId).RevokeAsync(deviceId, http.Caller().Id);
        credentials.ForgetDevice(hallId, deviceId);
        logs.Audit().LogInformation("Device {DeviceId} in {HallId} revoked by {Caller}", deviceId, hallId, http.Caller().Id);
        return TypedResults.Ok(device);
    }
}

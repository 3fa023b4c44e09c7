using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Queue.WebTests.Http;

namespace Queue.WebTests.Security;

/// <summary>
/// A device's credential and a person's session live in separate cookies: a person signing in and out in a board's
/// browser leaves the board signed in. A device's link cannot be shown again, only replaced (rotate).
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class DeviceCookieTests(QueueWebFactory factory)
{
    [Fact]
    public async Task APersonSigningInAndOutInABoardsBrowserLeavesTheBoardSignedIn()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        var board = await RegisterAsync(world, "Board");
        var cookies = new CookieContainerHandler();
        using var browser = factory.CreateDefaultClient(cookies);
        browser.DefaultRequestHeaders.Authorization = null;

        (await browser.PostAsJsonAsync("/api/auth/device", new { token = board.Token })).EnsureSuccessStatusCode();
        Assert.Equal("Board", await KindAsync(browser));

        (await browser.PostAsJsonAsync("/api/auth/login", new { userName = world.SpareUser, password = world.SparePassword })).EnsureSuccessStatusCode();
        Assert.Equal("Staff", await KindAsync(browser));
        // The person while the session holds; the two credentials sit in two cookies.
        var names = cookies.Container.GetCookies(new Uri("http://localhost/")).Select(c => c.Name).Order().ToArray();
        Assert.Equal(["queue_device", "queue_session"], names);

        (await browser.PostAsync("/api/auth/logout", null)).EnsureSuccessStatusCode();

        Assert.Equal("Board", await KindAsync(browser));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/halls/{world.HallA}")).StatusCode);
        Assert.Equal(["queue_device"], cookies.Container.GetCookies(new Uri("http://localhost/")).Select(c => c.Name).ToArray());

        // The board's live connection, with its cookie as a browser's WebSocket would send it.
        var cookie = cookies.Container.GetCookieHeader(new Uri("http://localhost/"));
        await using var hub = Hub(cookie);
        await hub.StartAsync();
        await hub.InvokeAsync<object>("WatchHall", world.HallA, null);
    }

    [Fact]
    public async Task AStaleSessionCookieFallsBackToTheDeviceCookie()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        var board = await RegisterAsync(world, "Board");
        var session = await factory.SignInAsync(world.SpareUser, world.SparePassword);
        using (var person = factory.WithToken(session))
        {
            (await person.PostAsync("/api/auth/logout", null)).EnsureSuccessStatusCode();
        }

        using var browser = factory.WithToken(null);
        browser.DefaultRequestHeaders.Add("Cookie", $"queue_session={session}; queue_device={board.Token}");

        Assert.Equal("Board", await KindAsync(browser));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);
    }

    [Fact]
    public async Task TheEarlierSharedCookieStillServesADevice()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        var board = await RegisterAsync(world, "Board");
        using var browser = factory.WithToken(null);
        browser.DefaultRequestHeaders.Add("Cookie", $"queue_auth={board.Token}");

        Assert.Equal("Board", await KindAsync(browser));
    }

    [Fact]
    public async Task ANewLinkRevokesTheOldTokenAtOnceAndOnlyTheHallsManagersAndAdministratorsMayMakeOne()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        var board = await RegisterAsync(world, "Board");
        using var manager = world.Client(Callers.Manager);
        using var staff = world.Client(Callers.Staff);
        using var other = world.Client(Callers.OtherManager);
        var rotate = $"/api/halls/{world.HallA}/devices/{board.Device.DeviceId}/rotate";

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync(rotate, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(rotate, null)).StatusCode);
        using var old = factory.WithToken(board.Token);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);

        using var answer = await manager.PostAsync(rotate, null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var rotated = (await answer.Content.ReadFromJsonAsync<Registered>())!;
        Assert.Equal(board.Device.DeviceId, rotated.Device.DeviceId);
        Assert.NotEqual(board.Token, rotated.Token);
        Assert.Contains("/board/" + world.HallA + "?device=", rotated.Link, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);
        using var fresh = factory.WithToken(rotated.Token);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);

        using var admin = world.Client(Callers.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/halls/{world.HallA}/devices/bffffffffff/rotate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/halls/{world.HallA}/devices/no-such/rotate", null)).StatusCode);
        (await admin.PostAsync($"/api/halls/{world.HallA}/devices/{board.Device.DeviceId}/revoke", null)).EnsureSuccessStatusCode();
        using var revoked = await admin.PostAsync(rotate, null);
        Assert.Equal(HttpStatusCode.Conflict, revoked.StatusCode);
        Assert.Contains("device-revoked", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Registered> RegisterAsync(SecurityWorld world, string kind)
    {
        using var admin = factory.CreateClient();
        using var response = await admin.PostAsJsonAsync($"/api/halls/{world.HallA}/devices", new { kind, name = "测试" + kind });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>())!;
    }

    private static async Task<string> KindAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Me>("/api/auth/me"))!.Kind;

    private HubConnection Hub(string cookie)
    {
        var server = factory.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/queue"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = cookie;
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
    }

    private sealed record Registered(DeviceRow Device, string Token, string Link);

    private sealed record DeviceRow(string DeviceId, string Kind);

    private sealed record Me(string Kind);
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Queue.WebTests.Http;
using Queue.WebTests.Live;
using LiveConnections = Queue.Dashboard.Live.LiveConnections;

namespace Queue.WebTests.Security;

/// <summary>Credentials end when they should: revoked devices, disabled accounts, signing out, a new password; and their live connections with them.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class SessionTests(QueueWebFactory factory)
{
    [Fact]
    public async Task ARevokedBoardIsRefusedAtOnceAndItsLiveConnectionIsClosedByTheNextSweep()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        using var admin = factory.CreateClient();
        using var registered = await admin.PostAsJsonAsync($"/api/halls/{world.HallA}/devices", new { kind = "Board", name = "二楼叫号屏" });
        var device = (await registered.Content.ReadFromJsonAsync<RegisteredView>())!;
        using var board = factory.WithToken(device.Token);
        await using var live = await HubClient.ConnectAsync(factory, device.Token);
        await live.Connection.InvokeAsync<object>("WatchHall", world.HallA, null);
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);

        (await admin.PostAsync($"/api/halls/{world.HallA}/devices/{device.Device.DeviceId}/revoke", null)).EnsureSuccessStatusCode();
        var closed = new TaskCompletionSource();
        live.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        var swept = await factory.Services.GetRequiredService<LiveConnections>().SweepAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await board.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);
        Assert.True(swept >= 1);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var devices = await admin.GetFromJsonAsync<DeviceRow[]>($"/api/halls/{world.HallA}/devices");
        var revoked = Assert.Single(devices!, d => d.DeviceId == device.Device.DeviceId);
        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal("admin", revoked.RevokedBy);
    }

    [Fact]
    public async Task SigningOutEndsEverySessionOfThatPersonAndNoOneElses()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        var first = await factory.SignInAsync(world.SpareUser, world.SparePassword);
        var second = await factory.SignInAsync(world.SpareUser, world.SparePassword);
        using var one = factory.WithToken(first);
        using var two = factory.WithToken(second);
        using var staff = world.Client(Callers.Staff);

        (await one.PostAsync("/api/auth/logout", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await two.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInAndItsSessionsEndUntilItIsEnabledAgain()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        var token = await factory.SignInAsync(world.SpareUser, world.SparePassword);
        using var spare = factory.WithToken(token);
        using var manager = world.Client(Callers.Manager);

        (await manager.PostAsync($"/api/accounts/{world.SpareUser}/disable", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await spare.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignInAsync(world.SpareUser, world.SparePassword));
        (await manager.PostAsync($"/api/accounts/{world.SpareUser}/enable", null)).EnsureSuccessStatusCode();
        Assert.StartsWith("qs1.", await factory.SignInAsync(world.SpareUser, world.SparePassword), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingThePasswordEndsTheOtherSessionsAndTheOldPasswordStopsWorking()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        using var other = factory.WithToken(await factory.SignInAsync(world.SpareUser, world.SparePassword));
        using var me = factory.WithToken(await factory.SignInAsync(world.SpareUser, world.SparePassword));
        const string next = "a-much-better-password";

        using var changed = await me.PostAsJsonAsync("/api/auth/password", new { currentPassword = world.SparePassword, newPassword = next });
        changed.EnsureSuccessStatusCode();
        var fresh = (await changed.Content.ReadFromJsonAsync<TokenView>())!.Token;

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);
        using var renewed = factory.WithToken(fresh);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignInAsync(world.SpareUser, world.SparePassword));
        Assert.StartsWith("qs1.", await factory.SignInAsync(world.SpareUser, next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownUserGetTheSameAnswer()
    {
        using var anonymous = factory.CreateAnonymousClient();
        using var wrong = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "not-the-password" });
        using var unknown = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "nobody-at-all", password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(
            (await wrong.Content.ReadFromJsonAsync<ProblemView>())!.Code,
            (await unknown.Content.ReadFromJsonAsync<ProblemView>())!.Code);
    }

    [Fact]
    public async Task TenWrongPasswordsLockTheNameEvenAgainstTheRightOneAndNoOtherAccount()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        using var anonymous = factory.CreateAnonymousClient();
        for (var i = 0; i < 10; i++)
        {
            using var wrong = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = world.SpareUser, password = "guess-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = world.SpareUser, password = world.SparePassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("sign-in-locked", (await right.Content.ReadFromJsonAsync<ProblemView>())!.Code);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(14));
        Assert.NotNull(world.Token(Callers.Staff));
        using var staff = world.Client(Callers.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/halls/{world.HallA}/snapshot")).StatusCode);
    }

    [Fact]
    public async Task AManagerManagesTheStaffOfTheirHallOnlyAndCannotMakeAManager()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        using var manager = world.Client(Callers.Manager);

        using var staff = await manager.PostAsJsonAsync("/api/accounts", new { userName = "clerk-" + world.HallA, displayName = "王五", role = "Staff", hallId = world.HallA });
        using var peer = await manager.PostAsJsonAsync("/api/accounts", new { userName = "boss-" + world.HallA, displayName = "赵六", role = "Manager", hallId = world.HallA });
        using var elsewhere = await manager.PostAsJsonAsync("/api/accounts", new { userName = "clerk-" + world.HallB, displayName = "钱七", role = "Staff", hallId = world.HallB });
        var listed = await manager.GetFromJsonAsync<AccountRow[]>("/api/accounts");

        Assert.Equal(HttpStatusCode.Created, staff.StatusCode);
        var created = (await staff.Content.ReadFromJsonAsync<CreatedView>())!;
        Assert.Equal(16, created.Password!.Length);
        Assert.Equal(HttpStatusCode.Forbidden, peer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.All(listed!, a => Assert.Equal(world.HallA, a.HallId));
        Assert.Contains(listed!, a => a.UserName == "clerk-" + world.HallA);
    }

    private sealed record RegisteredView(DeviceRow Device, string Token, string Link);

    private sealed record DeviceRow(string DeviceId, string Kind, DateTimeOffset? RevokedAt, string? RevokedBy);

    private sealed record TokenView(string Token);

    private sealed record ProblemView(string Code);

    private sealed record AccountRow(string UserName, string? HallId);

    private sealed record CreatedView(AccountRow Account, string? Password);
}

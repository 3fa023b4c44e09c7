using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Queue.Contracts;
using Queue.Contracts.Snapshots;
using Queue.WebTests.Http;
using Queue.WebTests.Live;

namespace Queue.WebTests.Security;

/// <summary>What a caller with ill intent tries, and gets nothing from.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class AbuseTests(QueueWebFactory factory)
{
    [Fact]
    public async Task SomeoneElsesRequestIdGivesAFreshTicketNotTheirsAndNotItsKey()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        using var staff = world.Client(Callers.Staff);
        using var phone = factory.CreateAnonymousClient();
        var requestId = "booking-" + Guid.NewGuid().ToString("N");

        var granted = await Issue(staff, world.HallA, new { priority = "GreenChannel", requestId });
        var again = await Issue(staff, world.HallA, new { priority = "GreenChannel", requestId });
        var guessed = await Issue(phone, world.HallA, new { requestId });

        Assert.Equal(granted.TicketId, again.TicketId);
        Assert.NotEqual(granted.TicketId, guessed.TicketId);
        Assert.NotEqual(granted.AccessKey, guessed.AccessKey);
        Assert.Equal(Contracts.Model.PriorityClass.Normal, guessed.Priority);
    }

    [Fact]
    public async Task StaffCannotRateTheirOwnServiceOnlyTheTicketsKeyCan()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        using var staff = world.Client(Callers.Staff);
        using var citizen = factory.CreateAnonymousClient();
        citizen.DefaultRequestHeaders.Add("X-Ticket-Key", world.Ticket.AccessKey);

        using var byStaff = await staff.PostAsJsonAsync($"/api/tickets/{world.Ticket.TicketId}/rating", new { level = 5 });
        using var byCitizen = await citizen.PostAsJsonAsync($"/api/tickets/{world.Ticket.TicketId}/rating", new { level = 2 });

        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Contains("\"code\":\"ticket-key\"", await byStaff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Forbidden, byCitizen.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, byCitizen.StatusCode);
    }

    [Fact]
    public async Task AConnectionWatchesAtMostSixteenThings()
    {
        await using var hub = await HubClient.ConnectAsync(factory);
        for (var window = 1; window <= 16; window++)
        {
            await hub.Connection.InvokeAsync<HallSnapshot>("WatchWindow", "binjiang", window);
        }

        await hub.Connection.InvokeAsync<HallSnapshot>("WatchWindow", "binjiang", 16);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.Connection.InvokeAsync<HallSnapshot>("WatchWindow", "binjiang", 17));
        Assert.Contains("\"code\":\"too-many-watches\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAddressIsA404ForAnyoneNotA401()
    {
        using var anonymous = factory.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AMadeUpDeviceTokenForAMadeUpHallIsAnonymous()
    {
        using var forged = factory.WithToken("qd1.no-such-hall-" + Guid.NewGuid().ToString("N")[..6] + ".k0123456789." + new string('s', 43));
        var me = await forged.GetFromJsonAsync<JsonDocumentView>(new Uri("/api/auth/me", UriKind.Relative));

        Assert.Equal("Anonymous", me!.Kind);
    }

    private static async Task<TicketSnapshot> Issue(HttpClient client, string hallId, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/halls/{hallId}/themes/AA/tickets", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketSnapshot>(QueueJson.Options))!;
    }

    private sealed record JsonDocumentView(string Kind);
}

using System.Net;
using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.WebTests.Http;

/// <summary>
/// What a kiosk, a window terminal and a citizen's phone do over HTTP, against the seeded demo hall. Only the
/// journey test takes BDC tickets at the demo hall and only it calls at window 1, so it knows whom it calls.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class TicketJourneyTests(QueueWebFactory web)
{
    private readonly QueueApi _api = new(web.CreateClient());

    [Fact]
    public async Task ATicketTakenAtTheKioskIsCalledServedCompletedAndRated()
    {
        var requestId = Guid.NewGuid().ToString();
        using var issued = await _api.Post("/api/halls/binjiang/themes/BDC/tickets", new { channel = "Kiosk", priority = "Normal", requestId });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var ticket = await Read<TicketSnapshot>(issued);
        Assert.Equal(new Uri($"/api/tickets/{ticket.TicketId}", UriKind.Relative), issued.Headers.Location);
        Assert.Equal(("binjiang", "BDC", TicketStatus.Waiting, IssueChannel.Kiosk, PriorityClass.Normal), (ticket.HallId, ticket.ThemeCode, ticket.Status, ticket.Channel, ticket.Priority));
        Assert.Matches("^A[0-9]{3}$", ticket.DisplayNumber);

        var looked = await QueueApi.Checked<TicketSnapshot>(_api.Get($"/api/tickets/{ticket.TicketId}"), HttpStatusCode.OK);
        Assert.Equal((ticket.DisplayNumber, TicketStatus.Waiting, 0), (looked.DisplayNumber, looked.Status, looked.PeopleAhead));

        var open = await _api.Window("binjiang", 1, "sign-in", new { staffId = "s-001", staffName = "张三" });
        Assert.Equal((WindowState.Idle, "s-001", "张三"), (open.State, open.StaffId, open.StaffName));
        var calling = await _api.Window("binjiang", 1, "call-next");
        Assert.Equal((WindowState.Calling, ticket.TicketId, ticket.DisplayNumber), (calling.State, calling.Current?.TicketId, calling.Current?.DisplayNumber));
        var serving = await _api.Window("binjiang", 1, "start");
        Assert.Equal(WindowState.Serving, serving.State);
        var done = await _api.Window("binjiang", 1, "complete", new { outcome = "Done" });
        Assert.Equal((WindowState.Idle, null, 1), (done.State, done.Current, done.ServedToday));

        var rated = await QueueApi.Checked<TicketSnapshot>(_api.Post($"/api/tickets/{ticket.TicketId}/rating?k={Uri.EscapeDataString(ticket.AccessKey!)}", new { level = 5 }), HttpStatusCode.OK);
        Assert.Equal((TicketStatus.Completed, 5), (rated.Status, rated.Rating));
        var final = await QueueApi.Checked<TicketSnapshot>(_api.Get($"/api/tickets/{ticket.TicketId}"), HttpStatusCode.OK);
        Assert.Equal((TicketStatus.Completed, ServiceOutcome.Done, 5, 1), (final.Status, final.Outcome, final.Rating, final.WindowNo));

        var snapshot = await QueueApi.Checked<HallSnapshot>(_api.Get("/api/halls/binjiang/snapshot"), HttpStatusCode.OK);
        var bdc = Assert.Single(snapshot.Themes, t => t.ThemeCode == "BDC");
        Assert.Equal((1, 1, 0, 0, 0), (bdc.IssuedToday, bdc.CompletedToday, bdc.Waiting, bdc.InService, bdc.OnHold));
        var window = Assert.Single(snapshot.Windows, w => w.WindowNo == 1);
        Assert.Equal((WindowState.Idle, "s-001", 1), (window.State, window.StaffId, window.ServedToday));

        var events = await QueueApi.Checked<List<HallEvent>>(_api.Get("/api/halls/binjiang/events?after=0&max=1000"), HttpStatusCode.OK);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(HallEventKind.HallConfigured, events[0].Kind);
        Assert.True(snapshot.Sequence <= events[^1].Sequence, $"snapshot at {snapshot.Sequence}, journal at {events[^1].Sequence}");
        Assert.Equal(
            [HallEventKind.TicketIssued, HallEventKind.TicketCalled, HallEventKind.ServiceStarted, HallEventKind.ServiceCompleted, HallEventKind.TicketRated],
            events.Where(e => e.TicketId == ticket.TicketId).Select(e => e.Kind));
        Assert.Contains(events, e => e is { Kind: HallEventKind.WindowOpened, WindowNo: 1, StaffId: "s-001" });

        var closed = await _api.Window("binjiang", 1, "sign-out");
        Assert.Equal((WindowState.Closed, null), (closed.State, closed.StaffId));
    }

    [Fact]
    public async Task TheApiGivesThePredictedWaitAsARangeBesideTheSingleFigureAndNoneForALineNobodyServes()
    {
        var hallId = await _api.NewHall();
        await _api.SignIn(hallId, 1);
        TicketSnapshot last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await _api.Issue(hallId);
        }

        using var response = await _api.Get($"/api/tickets/{last.TicketId}");
        var json = await QueueApi.Checked<JsonElement>(Task.FromResult(response), HttpStatusCode.OK);
        var (low, point, high) = (json.GetProperty("predictedWaitLow").GetDouble(), json.GetProperty("predictedWaitMinutes").GetDouble(), json.GetProperty("predictedWaitHigh").GetDouble());
        Assert.True(low <= point && point <= high, $"{low} ≤ {point} ≤ {high}"); // the simulated range, or the closed form (low = high) outside opening hours
        Assert.Equal(2, json.GetProperty("peopleAhead").GetInt32());

        var snapshot = await QueueApi.Checked<HallSnapshot>(_api.Get($"/api/halls/{hallId}/snapshot"), HttpStatusCode.OK);
        var aa = Assert.Single(snapshot.Themes, t => t.ThemeCode == "AA");
        Assert.True(aa.ProjectedWaitLow <= aa.ProjectedWaitMinutes && aa.ProjectedWaitMinutes <= aa.ProjectedWaitHigh);
        var bb = Assert.Single(snapshot.Themes, t => t.ThemeCode == "BB"); // window 2 (BB's only) is closed
        Assert.Equal((null, null, null), (bb.ProjectedWaitMinutes, bb.ProjectedWaitLow, bb.ProjectedWaitHigh));
    }

    [Fact]
    public async Task IssuingAgainWithTheSameRequestIdReturnsTheSameTicket()
    {
        var requestId = Guid.NewGuid().ToString();
        var body = new { channel = "Mobile", priority = "Normal", requestId };
        using var first = await _api.Post("/api/halls/binjiang/themes/HJ/tickets", body);
        using var retry = await _api.Post("/api/halls/binjiang/themes/HJ/tickets", body);
        using var other = await _api.Post("/api/halls/binjiang/themes/HJ/tickets", body with { requestId = Guid.NewGuid().ToString() });
        var (a, b, c) = (await Read<TicketSnapshot>(first), await Read<TicketSnapshot>(retry), await Read<TicketSnapshot>(other));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode, other.StatusCode));
        Assert.Equal((a.TicketId, a.DisplayNumber), (b.TicketId, b.DisplayNumber));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.NotEqual(a.TicketId, c.TicketId);
        Assert.Equal(int.Parse(a.DisplayNumber[1..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(c.DisplayNumber[1..], System.Globalization.CultureInfo.InvariantCulture));

        var events = await QueueApi.Checked<List<HallEvent>>(_api.Get("/api/halls/binjiang/events?after=0&max=1000"), HttpStatusCode.OK);
        Assert.Single(events, e => e.Kind == HallEventKind.TicketIssued && e.TicketId == a.TicketId);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsEveryRoute()
    {
        using var response = await _api.Get("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                "/api/accounts",
                "/api/accounts/{userName}/disable",
                "/api/accounts/{userName}/enable",
                "/api/accounts/{userName}/password",
                "/api/auth/device",
                "/api/auth/login",
                "/api/auth/logout",
                "/api/auth/me",
                "/api/auth/password",
                "/api/bookings/{bookingId}",
                "/api/bookings/{bookingId}/check-in",
                "/api/halls",
                "/api/halls/{hallId}",
                "/api/halls/{hallId}/advice/{date}",
                "/api/halls/{hallId}/advice/{date}/apply",
                "/api/halls/{hallId}/advice/{date}/compute",
                "/api/halls/{hallId}/advice/{date}/plan",
                "/api/halls/{hallId}/advice/{date}/undo",
                "/api/halls/{hallId}/alerts",
                "/api/halls/{hallId}/alerts/{themeCode}/apply",
                "/api/halls/{hallId}/analytics/arrivals",
                "/api/halls/{hallId}/analytics/kpis",
                "/api/halls/{hallId}/analytics/not-done",
                "/api/halls/{hallId}/analytics/one-trip",
                "/api/halls/{hallId}/analytics/performance",
                "/api/halls/{hallId}/analytics/performance/export",
                "/api/halls/{hallId}/analytics/quality",
                "/api/halls/{hallId}/analytics/ratings",
                "/api/halls/{hallId}/analytics/staff",
                "/api/halls/{hallId}/analytics/waiting-curve",
                "/api/halls/{hallId}/analytics/waits",
                "/api/halls/{hallId}/booking/check",
                "/api/halls/{hallId}/booking/report",
                "/api/halls/{hallId}/booking/settings",
                "/api/halls/{hallId}/booking/slots",
                "/api/halls/{hallId}/booking/today",
                "/api/halls/{hallId}/bookings",
                "/api/halls/{hallId}/bookings/assisted",
                "/api/halls/{hallId}/bookings/check-in",
                "/api/halls/{hallId}/cases",
                "/api/halls/{hallId}/cases/export.csv",
                "/api/halls/{hallId}/cases/export.xlsx",
                "/api/halls/{hallId}/cases/overdue",
                "/api/halls/{hallId}/cases/settings",
                "/api/halls/{hallId}/cases/{caseId}",
                "/api/halls/{hallId}/close-day",
                "/api/halls/{hallId}/config/validate",
                "/api/halls/{hallId}/devices",
                "/api/halls/{hallId}/devices/{deviceId}/revoke",
                "/api/halls/{hallId}/devices/{deviceId}/rotate",
                "/api/halls/{hallId}/entrance",
                "/api/halls/{hallId}/events",
                "/api/halls/{hallId}/holidays",
                "/api/halls/{hallId}/opening",
                "/api/halls/{hallId}/remote",
                "/api/halls/{hallId}/reports/monthly",
                "/api/halls/{hallId}/reports/monthly/export.xlsx",
                "/api/halls/{hallId}/simulations",
                "/api/halls/{hallId}/simulations/heatmap",
                "/api/halls/{hallId}/snapshot",
                "/api/halls/{hallId}/themes/{themeCode}/notice",
                "/api/halls/{hallId}/themes/{themeCode}/remote-tickets",
                "/api/halls/{hallId}/themes/{themeCode}/tickets",
                "/api/halls/{hallId}/webhooks",
                "/api/halls/{hallId}/webhooks/deliveries",
                "/api/halls/{hallId}/webhooks/{webhookId}",
                "/api/halls/{hallId}/webhooks/{webhookId}/test",
                "/api/halls/{hallId}/windows/{windowNo}",
                "/api/halls/{hallId}/windows/{windowNo}/call-next",
                "/api/halls/{hallId}/windows/{windowNo}/complete",
                "/api/halls/{hallId}/windows/{windowNo}/hold",
                "/api/halls/{hallId}/windows/{windowNo}/no-show",
                "/api/halls/{hallId}/windows/{windowNo}/pause",
                "/api/halls/{hallId}/windows/{windowNo}/profile",
                "/api/halls/{hallId}/windows/{windowNo}/recall",
                "/api/halls/{hallId}/windows/{windowNo}/resume",
                "/api/halls/{hallId}/windows/{windowNo}/sign-in",
                "/api/halls/{hallId}/windows/{windowNo}/sign-out",
                "/api/halls/{hallId}/windows/{windowNo}/start",
                "/api/halls/{hallId}/windows/{windowNo}/transfer",
                "/api/halls/{hallId}/windows/{windowNo}/undo-move",
                "/api/system/memory",
                "/api/tickets/{ticketId}",
                "/api/tickets/{ticketId}/arrive",
                "/api/tickets/{ticketId}/cancel",
                "/api/tickets/{ticketId}/rating",
                "/api/tickets/{ticketId}/rejoin",
                "/api/tickets/{ticketId}/resume",
                "/api/tickets/{ticketId}/year",
            ],
            paths);
        var hall = document.RootElement.GetProperty("paths").GetProperty("/api/halls/{hallId}");
        Assert.Equal(["get", "put"], hall.EnumerateObject().Select(o => o.Name).Where(n => n is "get" or "put" or "post" or "delete").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheSiloListensOnTheFixturesFreePortsNotOnTheDefaults()
    {
        var endpoint = web.SiloEndpoint;
        Assert.Equal((web.SiloPort, web.GatewayPort), (endpoint.SiloPort, endpoint.GatewayPort));
    }

    private static async Task<T> Read<T>(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<T>(await response.Content.ReadAsStringAsync(), QueueJson.Options) ?? throw new InvalidDataException("empty answer");
}

using System.Net;
using System.Text.Json;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.WebTests.Http;

/// <summary>
/// 线上取号 and 一次性告知 over HTTP: the notice, the remote ticket with its limits, the entrance code and the check-in,
/// every refusal a zh/en ProblemDetails; and a remote ticket called before its holder arrived goes to no-show by the usual rules.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class RemoteTicketTests(QueueWebFactory web)
{
    private const string UnknownTicket = "binjiang.BDC.AAAAAAAAAAAAAAAAAAAAAA";

    public static BadInputTable Table { get; } = new BadInputTable()
        // 一次性告知
        .Add("notice of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/themes/BDC/notice"))
        .Add("notice of an unknown theme", HttpStatusCode.NotFound, "theme-not-found", api => api.Get("/api/halls/binjiang/themes/ZZZ/notice"))
        .Add("notice of a malformed theme code", HttpStatusCode.NotFound, "theme-not-found", api => api.Get("/api/halls/binjiang/themes/bdc/notice"))
        .Add("notice of a theme that has none", HttpStatusCode.NotFound, "notice-not-found", async api => await api.Get($"/api/halls/{await api.NewHall()}/themes/AA/notice"))
        .Add("a hall whose notice lacks its English", HttpStatusCode.UnprocessableEntity, "theme-notice", async api =>
        {
            var hallId = QueueApi.NewHallId();
            var config = TestHalls.Small(hallId, ["AA"], WindowProfile.Dedicated("AA"));
            config = config with { Themes = [config.Themes[0] with { Notice = new Contracts.Config.ThemeNotice(["身份证"], [], [], []) }] };
            return await api.Put($"/api/halls/{hallId}", config);
        })

        // remote tickets
        .Add("remote themes of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/remote"))
        .Add("remote ticket with no body", HttpStatusCode.BadRequest, "body-required", api => api.Post("/api/halls/binjiang/themes/BDC/remote-tickets"))
        .Add("remote ticket with malformed JSON", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw("/api/halls/binjiang/themes/BDC/remote-tickets", """{"travelMinutes":"""))
        .Add("remote ticket with a plain-text body", HttpStatusCode.UnsupportedMediaType, "http-415", api => api.PostRaw("/api/halls/binjiang/themes/BDC/remote-tickets", "phone=1", "text/plain"))
        .Add("remote ticket without a travel time", HttpStatusCode.BadRequest, "invalid-travelMinutes", api => api.Post("/api/halls/binjiang/themes/BDC/remote-tickets", new { phone = "13800138000" }))
        .Add("remote ticket with 241 minutes of travel", HttpStatusCode.BadRequest, "invalid-travelMinutes", api => api.Post("/api/halls/binjiang/themes/BDC/remote-tickets", new { phone = "13800138000", travelMinutes = 241 }))
        .Add("remote ticket with negative travel", HttpStatusCode.BadRequest, "invalid-travelMinutes", api => api.Post("/api/halls/binjiang/themes/BDC/remote-tickets", new { phone = "13800138000", travelMinutes = -1 }))
        .Add("remote ticket with a fractional travel time", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw("/api/halls/binjiang/themes/BDC/remote-tickets", """{"phone":"13800138000","travelMinutes":2.5}"""))
        .Add("remote ticket without ID or phone", HttpStatusCode.BadRequest, "remote-identity", api => api.Post("/api/halls/binjiang/themes/BDC/remote-tickets", new { travelMinutes = 20 }))
        .Add("remote ticket with a malformed phone", HttpStatusCode.BadRequest, "invalid-phone", api => api.Post("/api/halls/binjiang/themes/BDC/remote-tickets", new { travelMinutes = 20, phone = "12345" }))
        .Add("remote ticket with a wrong ID check digit", HttpStatusCode.BadRequest, "invalid-idNumber", api => api.Post("/api/halls/binjiang/themes/BDC/remote-tickets", new { travelMinutes = 20, idNumber = "110101199003070000" }))
        .Add("remote ticket in an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/themes/BDC/remote-tickets", new { travelMinutes = 20, phone = "13800138000" }))
        .Add("remote ticket for an unknown theme", HttpStatusCode.NotFound, "theme-not-found", async api => await api.Post($"/api/halls/{await api.NewHall()}/themes/ZZ/remote-tickets", new { travelMinutes = 20, phone = "13800138000" }))
        .Add("a second active remote ticket for the same theme", HttpStatusCode.Conflict, "remote-active", async api =>
        {
            var hallId = await api.NewHall();
            await Remote(api, hallId, "AA", "13800138001");
            return await api.Post($"/api/halls/{hallId}/themes/AA/remote-tickets", new { travelMinutes = 20, phone = "138 0013 8001" });
        })
        .Add("a fourth remote ticket the same day", HttpStatusCode.Conflict, "remote-limit", async api =>
        {
            var hallId = await api.NewHall();
            await api.Ticket((await Remote(api, hallId, "AA", "13800138002")).TicketId, "cancel");
            await api.Ticket((await Remote(api, hallId, "AA", "13800138002")).TicketId, "cancel");
            await Remote(api, hallId, "BB", "13800138002");
            return await api.Post($"/api/halls/{hallId}/themes/AA/remote-tickets", new { travelMinutes = 20, phone = "13800138002" });
        })

        // the entrance code and the check-in
        .Add("entrance code of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/entrance"))
        .Add("check in without a body", HttpStatusCode.BadRequest, "body-required", async api => await api.Post(await ArriveOf(api)))
        .Add("check in without a code", HttpStatusCode.BadRequest, "missing-code", async api => await api.Post(await ArriveOf(api), new { }))
        .Add("check in with a number for the code", HttpStatusCode.BadRequest, "malformed-json", async api => await api.PostRaw(await ArriveOf(api), """{"code":123456}"""))
        .Add("check in with a wrong code", HttpStatusCode.UnprocessableEntity, "entrance-code", async api =>
        {
            var path = await ArriveOf(api);
            var right = await CodeOf(api, path);
            return await api.Post(path, new { code = right == "000000" ? "111111" : "000000" });
        })
        .Add("check in with another hall's code", HttpStatusCode.UnprocessableEntity, "entrance-code", async api =>
        {
            var path = await ArriveOf(api);
            var other = await Entrance(api, await api.NewHall());
            return other.Code == await CodeOf(api, path) ? await api.Post(path, new { code = "x" }) : await api.Post(path, new { code = other.Code });
        })
        .Add("check in a ticket taken at the kiosk", HttpStatusCode.UnprocessableEntity, "not-remote", async api =>
        {
            var hallId = await api.NewHall();
            var ticket = await api.Issue(hallId);
            return await api.Post($"/api/tickets/{ticket.TicketId}/arrive", new { code = (await Entrance(api, hallId)).Code });
        })
        .Add("check in twice", HttpStatusCode.Conflict, "already-arrived", async api =>
        {
            var path = await ArriveOf(api);
            var code = await CodeOf(api, path);
            await QueueApi.Checked<TicketSnapshot>(api.Post(path, new { code }), HttpStatusCode.OK);
            return await api.Post(path, new { code });
        })
        .Add("check in a cancelled remote ticket", HttpStatusCode.Conflict, "wrong-ticket-state", async api =>
        {
            var hallId = await api.NewHall();
            var ticket = await Remote(api, hallId, "AA", "13800138003");
            await api.Ticket(ticket.TicketId, "cancel");
            return await api.Post($"/api/tickets/{ticket.TicketId}/arrive", new { code = (await Entrance(api, hallId)).Code });
        })
        .Add("check in an unknown ticket", HttpStatusCode.NotFound, "ticket-not-found", async api =>
            await api.Post($"/api/tickets/{UnknownTicket}/arrive", new { code = (await Entrance(api, "binjiang")).Code }))
        .Add("check in an unknown ticket without its key", HttpStatusCode.Unauthorized, "ticket-key", api =>
            api.Post($"/api/tickets/{UnknownTicket}/arrive?k=AAAAAAAAAAAAAAAAAAAAAA", new { code = "123456" }));

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task RemoteTicketEndpointsRefuseBadInputWithAProblem(string name)
    {
        var row = Table[name];
        // The last row is the citizen's view: no session, only a key that does not fit.
        var client = name.EndsWith("without its key", StringComparison.Ordinal) ? web.CreateAnonymousClient() : web.CreateClient();
        return Problem.AssertRefused(row, new QueueApi(client));
    }

    [Fact]
    public async Task TheDemoHallsNoticeIsPublicInBothLanguages()
    {
        var api = new QueueApi(web.CreateAnonymousClient());
        var notice = await QueueApi.Checked<JsonElement>(api.Get("/api/halls/binjiang/themes/XSE/notice"), HttpStatusCode.OK);

        Assert.Equal("新生儿出生一件事", notice.GetProperty("name").GetString());
        var body = notice.GetProperty("notice");
        Assert.Contains("《出生医学证明》", body.GetProperty("materials").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(body.GetProperty("materials").GetArrayLength(), body.GetProperty("materialsEn").GetArrayLength());
        Assert.Equal("Free", body.GetProperty("feesEn").GetString());
    }

    [Fact]
    public async Task ARemoteTicketAwaitsArrivalAndWhenCalledBeforeItsHolderArrivesGoesToNoShowByTheUsualRecalls()
    {
        var api = new QueueApi(web.CreateClient());
        var citizen = new QueueApi(web.CreateAnonymousClient());
        var hallId = await api.NewHall();
        await api.Issue(hallId);
        var themes = await QueueApi.Checked<JsonElement>(citizen.Get($"/api/halls/{hallId}/remote"), HttpStatusCode.OK);
        Assert.Equal(["AA", "BB"], themes.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("themeCode").GetString()));
        Assert.Equal(1, themes.GetProperty("themes")[0].GetProperty("waiting").GetInt32());

        var remote = await QueueApi.Checked<TicketSnapshot>(
            citizen.Post($"/api/halls/{hallId}/themes/AA/remote-tickets", new { phone = "13900139000", travelMinutes = 15, requestId = "r-1" }), HttpStatusCode.Created);
        var retried = await QueueApi.Checked<TicketSnapshot>(
            citizen.Post($"/api/halls/{hallId}/themes/AA/remote-tickets", new { phone = "13900139000", travelMinutes = 15, requestId = "r-1" }), HttpStatusCode.Created);
        Assert.Equal(remote.TicketId, retried.TicketId);
        var someoneElse = await QueueApi.Checked<TicketSnapshot>(
            citizen.Post($"/api/halls/{hallId}/themes/AA/remote-tickets", new { phone = "13900139111", travelMinutes = 15, requestId = "r-1" }), HttpStatusCode.Created);
        Assert.NotEqual(remote.TicketId, someoneElse.TicketId); // a request id is the citizen's own: never another's ticket and key
        Assert.Equal((IssueChannel.Remote, true, 1, 15), (remote.Channel, remote.AwaitingArrival, remote.PeopleAhead, remote.TravelMinutes));
        Assert.NotNull(remote.AccessKey);
        Assert.Contains($"/t/{remote.TicketId}?k=", remote.Link, StringComparison.Ordinal);

        await api.SignIn(hallId, 1);
        await api.Window(hallId, 1, "call-next"); // the kiosk ticket
        await api.Window(hallId, 1, "start");
        await api.Window(hallId, 1, "complete", new { outcome = "Done" });
        var called = await api.Window(hallId, 1, "call-next");
        Assert.Equal((remote.TicketId, true), (called.Current?.TicketId, called.Current?.NotArrived));

        var early = await api.Post($"/api/halls/{hallId}/windows/1/no-show");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode); // recalls first, as for anyone
        await api.NoShow(hallId, 1);
        var missed = await QueueApi.Checked<TicketSnapshot>(citizen.Get($"/api/tickets/{remote.TicketId}?k={Uri.EscapeDataString(remote.AccessKey!)}"), HttpStatusCode.OK);
        Assert.Equal(TicketStatus.NoShow, missed.Status);
        Assert.False(missed.AwaitingArrival);
    }

    [Fact]
    public async Task ARemoteTicketChecksInWithTheEntranceCodeAndIsThenCalledAsArrived()
    {
        var api = new QueueApi(web.CreateClient());
        var hallId = await api.NewHall();
        var citizen = new QueueApi(web.CreateAnonymousClient());
        var remote = await Remote(citizen, hallId, "AA", "13900139001");
        var entrance = await Entrance(api, hallId);
        Assert.Matches("^[0-9]{6}$", entrance.Code);
        Assert.EndsWith($"/arrive/{hallId}?c={entrance.Code}", entrance.Url, StringComparison.Ordinal);

        var arrived = await QueueApi.Checked<TicketSnapshot>(
            citizen.Post($"/api/tickets/{remote.TicketId}/arrive?k={Uri.EscapeDataString(remote.AccessKey!)}", new { code = entrance.Code }), HttpStatusCode.OK);
        Assert.Equal((false, true), (arrived.AwaitingArrival, arrived.ArrivedAt is not null));

        await api.SignIn(hallId, 1);
        var called = await api.Window(hallId, 1, "call-next");
        Assert.Equal((remote.TicketId, false), (called.Current?.TicketId, called.Current?.NotArrived));
        var events = await QueueApi.Checked<JsonElement>(api.Get($"/api/halls/{hallId}/events"), HttpStatusCode.OK);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("kind").GetString() == "TicketArrived" && e.GetProperty("ticketId").GetString() == remote.TicketId);
    }

    private static Task<TicketSnapshot> Remote(QueueApi api, string hallId, string theme, string phone) =>
        QueueApi.Checked<TicketSnapshot>(api.Post($"/api/halls/{hallId}/themes/{theme}/remote-tickets", new { phone, travelMinutes = 20 }), HttpStatusCode.Created);

    private static async Task<EntranceAnswer> Entrance(QueueApi api, string hallId) =>
        await QueueApi.Checked<EntranceAnswer>(api.Get($"/api/halls/{hallId}/entrance"), HttpStatusCode.OK);

    /// <summary>The check-in address of a fresh remote ticket in a fresh hall, with its key.</summary>
    private static async Task<string> ArriveOf(QueueApi api)
    {
        var hallId = await api.NewHall();
        var ticket = await Remote(api, hallId, "AA", "13900139009");
        return $"/api/tickets/{ticket.TicketId}/arrive?k={Uri.EscapeDataString(ticket.AccessKey!)}";
    }

    private static async Task<string> CodeOf(QueueApi api, string arrivePath)
    {
        var ticketId = arrivePath.Split('/')[3];
        var hallId = ticketId.Split('.')[0];
        return (await Entrance(api, hallId)).Code;
    }

    private sealed record EntranceAnswer(string HallId, string Code, string Url, int StepSeconds, DateTimeOffset NextChange);
}

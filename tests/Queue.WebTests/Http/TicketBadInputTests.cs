using System.Net;
using Queue.Contracts.Model;

namespace Queue.WebTests.Http;

/// <summary>Bad input to the ticket endpoints: issue, lookup, rating, cancel, rejoin, resume.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class TicketBadInputTests(QueueWebFactory web)
{
    private const string Issue = "/api/halls/binjiang/themes/BDC/tickets";
    private const string UnknownTicket = "binjiang.BDC.AAAAAAAAAAAAAAAAAAAAAA";

    public static BadInputTable Table { get; } = new BadInputTable()
        // issue
        .Add("issue with malformed JSON", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw(Issue, """{"channel":"""))
        .Add("issue with an empty JSON body", HttpStatusCode.BadRequest, "body-required", api => api.PostRaw(Issue, ""))
        .Add("issue with no body at all", HttpStatusCode.BadRequest, "body-required", api => api.Post(Issue))
        .Add("issue with a JSON null for a body", HttpStatusCode.BadRequest, "body-required", api => api.PostRaw(Issue, "null"))
        .Add("issue with JSON nested 100 levels deep", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw(Issue, """{"requestId":""" + new string('[', 100) + new string(']', 100) + "}"))
        .Add("issue with a JSON array for a body", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw(Issue, "[]"))
        .Add("issue with a number for requestId", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw(Issue, """{"requestId":42}"""))
        .Add("issue with a boolean for priority", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw(Issue, """{"priority":true}"""))
        .Add("issue with the undefined priority name Vip", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw(Issue, """{"priority":"Vip"}"""))
        .Add("issue with the undefined priority number 99", HttpStatusCode.BadRequest, "invalid-priority", api => api.PostRaw(Issue, """{"priority":99}"""))
        .Add("issue with the undefined channel number 99", HttpStatusCode.BadRequest, "invalid-channel", api => api.PostRaw(Issue, """{"channel":99}"""))
        .Add("issue with a requestId of 101 characters", HttpStatusCode.BadRequest, "invalid-requestId", api => api.Post(Issue, new { requestId = new string('r', 101) }))
        .Add("issue with a control character in requestId", HttpStatusCode.BadRequest, "invalid-requestId", api => api.Post(Issue, new { requestId = "abc\u0007def" }))
        .Add("issue with a plain-text body", HttpStatusCode.UnsupportedMediaType, "http-415", api => api.PostRaw(Issue, "channel=Kiosk", "text/plain"))
        .Add("issue in an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/themes/BDC/tickets", new { }))
        .Add("issue in a malformed hall id", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/No_Hall!/themes/BDC/tickets", new { }))
        .Add("issue in a hall id of 41 characters", HttpStatusCode.NotFound, "hall-not-found", api => api.Post($"/api/halls/{new string('h', 41)}/themes/BDC/tickets", new { }))
        .Add("issue in a hall id in Chinese", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/%E6%BB%A8%E6%B1%9F/themes/BDC/tickets", new { }))
        .Add("issue for an unknown theme", HttpStatusCode.NotFound, "theme-not-found", api => api.Post("/api/halls/binjiang/themes/ZZZ/tickets", new { }))
        .Add("issue for a malformed theme code", HttpStatusCode.NotFound, "theme-not-found", api => api.Post("/api/halls/binjiang/themes/bdc/tickets", new { }))

        // lookup
        .Add("look up a well-formed unknown ticket id", HttpStatusCode.NotFound, "ticket-not-found", api => api.Get($"/api/tickets/{UnknownTicket}"))
        .Add("look up a ticket id of an unknown hall", HttpStatusCode.NotFound, "ticket-not-found", api => api.Get("/api/tickets/no-such-hall.BDC.AAAAAAAAAAAAAAAAAAAAAA"))
        .Add("look up a ticket id of an unknown theme", HttpStatusCode.NotFound, "ticket-not-found", api => api.Get("/api/tickets/binjiang.ZZZ.AAAAAAAAAAAAAAAAAAAAAA"))
        .Add("look up a malformed ticket id", HttpStatusCode.NotFound, "ticket-not-found", api => api.Get("/api/tickets/not-a-ticket"))
        .Add("look up a ticket id with a malformed hall part", HttpStatusCode.NotFound, "ticket-not-found", api => api.Get("/api/tickets/BIN_JIANG.BDC.AAAAAAAAAAAAAAAAAAAAAA"))

        // rating
        .Add("rate with level 0", HttpStatusCode.UnprocessableEntity, "rating-level", async api => await api.PostRaw(await Completed(api), """{"level":0}"""))
        .Add("rate with level 6", HttpStatusCode.UnprocessableEntity, "rating-level", async api => await api.PostRaw(await Completed(api), """{"level":6}"""))
        .Add("rate without a level", HttpStatusCode.BadRequest, "missing-level", async api => await api.PostRaw(await Completed(api), """{"comment":"好"}"""))
        .Add("rate with a string for level", HttpStatusCode.BadRequest, "malformed-json", async api => await api.PostRaw(await Completed(api), """{"level":"five"}"""))
        .Add("rate with a fractional level", HttpStatusCode.BadRequest, "malformed-json", async api => await api.PostRaw(await Completed(api), """{"level":4.5}"""))
        .Add("rate with malformed JSON", HttpStatusCode.BadRequest, "malformed-json", async api => await api.PostRaw(await Completed(api), """{"level":5"""))
        .Add("rate with no body at all", HttpStatusCode.BadRequest, "body-required", async api => await api.Post(await Completed(api)))
        .Add("rate with an empty body", HttpStatusCode.BadRequest, "body-required", async api => await api.PostRaw(await Completed(api), ""))
        .Add("rate with a comment of 501 characters", HttpStatusCode.BadRequest, "invalid-comment", async api => await api.Post(await Completed(api), new { level = 5, comment = new string('好', 501) }))
        .Add("rate with a control character in the comment", HttpStatusCode.BadRequest, "invalid-comment", async api => await api.Post(await Completed(api), new { level = 5, comment = "很\u0000好" }))
        .Add("rate a ticket still waiting", HttpStatusCode.Conflict, "rate-before-done", async api =>
        {
            var (_, ticket) = await api.TicketAtWindow(TicketStatus.Waiting);
            return await api.Post(RatingOf(ticket), new { level = 5 });
        })
        .Add("rate a ticket twice", HttpStatusCode.Conflict, "already-rated", async api =>
        {
            var rating = await Completed(api);
            await QueueApi.Checked<Queue.Contracts.Snapshots.TicketSnapshot>(api.Post(rating, new { level = 4 }), HttpStatusCode.OK);
            return await api.Post(rating, new { level = 5 });
        })
        .Add("rate an unknown ticket (no key can fit it)", HttpStatusCode.Forbidden, "ticket-key", api => api.Post($"/api/tickets/{UnknownTicket}/rating?k=AAAAAAAAAAAAAAAAAAAAAA", new { level = 5 }))
        .Add("rate a ticket without its key, even as an administrator", HttpStatusCode.Forbidden, "ticket-key", async api =>
        {
            var (_, ticket) = await api.TicketAtWindow(TicketStatus.Completed);
            return await api.Post($"/api/tickets/{ticket.TicketId}/rating", new { level = 5 });
        })

        // cancel, rejoin, resume
        .Add("cancel a completed ticket", HttpStatusCode.Conflict, "wrong-ticket-state", async api =>
        {
            var (_, ticket) = await api.TicketAtWindow(TicketStatus.Completed);
            return await api.Post($"/api/tickets/{ticket.TicketId}/cancel");
        })
        .Add("cancel a ticket being served", HttpStatusCode.Conflict, "wrong-ticket-state", async api =>
        {
            var (_, ticket) = await api.TicketAtWindow(TicketStatus.Serving);
            return await api.Post($"/api/tickets/{ticket.TicketId}/cancel");
        })
        .Add("cancel an unknown ticket", HttpStatusCode.NotFound, "ticket-not-found", api => api.Post($"/api/tickets/{UnknownTicket}/cancel"))
        .Add("cancel a malformed ticket id", HttpStatusCode.NotFound, "ticket-not-found", api => api.Post("/api/tickets/x.y.z/cancel"))
        .Add("rejoin a ticket that is waiting", HttpStatusCode.Conflict, "wrong-ticket-state", async api =>
        {
            var (_, ticket) = await api.TicketAtWindow(TicketStatus.Waiting);
            return await api.Post($"/api/tickets/{ticket.TicketId}/rejoin");
        })
        .Add("rejoin twice in a row", HttpStatusCode.Conflict, "wrong-ticket-state", async api =>
        {
            var (_, ticket) = await api.TicketAtWindow(TicketStatus.NoShow);
            await api.Ticket(ticket.TicketId, "rejoin");
            return await api.Post($"/api/tickets/{ticket.TicketId}/rejoin");
        })
        .Add("rejoin after a second no-show", HttpStatusCode.UnprocessableEntity, "rejoin-once", async api =>
        {
            var (hallId, ticket) = await api.TicketAtWindow(TicketStatus.NoShow);
            await api.Ticket(ticket.TicketId, "rejoin");
            var called = await api.Window(hallId, 1, "call-next");
            Assert.Equal(ticket.TicketId, called.Current?.TicketId);
            await api.NoShow(hallId, 1);
            return await api.Post($"/api/tickets/{ticket.TicketId}/rejoin");
        })
        .Add("rejoin an unknown ticket", HttpStatusCode.NotFound, "ticket-not-found", api => api.Post($"/api/tickets/{UnknownTicket}/rejoin"))
        .Add("resume an unknown ticket", HttpStatusCode.NotFound, "ticket-not-found", api => api.Post($"/api/tickets/{UnknownTicket}/resume"))
        .Add("look up a ticket id of 2000 characters", HttpStatusCode.NotFound, "ticket-not-found", api => api.Get($"/api/tickets/binjiang.BDC.{new string('A', 2000)}"))
        .Add("resume a ticket that is not on hold", HttpStatusCode.Conflict, "wrong-ticket-state", async api =>
        {
            var (_, ticket) = await api.TicketAtWindow(TicketStatus.Called);
            return await api.Post($"/api/tickets/{ticket.TicketId}/resume");
        });

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task TicketEndpointsRefuseBadInputWithAProblem(string name) => Problem.AssertRefused(Table[name], new QueueApi(web.CreateClient()));

    /// <summary>The rating address of a fresh ticket that was served to the end, with its key: only the citizen rates.</summary>
    private static async Task<string> Completed(QueueApi api)
    {
        var (_, ticket) = await api.TicketAtWindow(TicketStatus.Completed);
        return RatingOf(ticket);
    }

    private static string RatingOf(Queue.Contracts.Snapshots.TicketSnapshot ticket) =>
        $"/api/tickets/{ticket.TicketId}/rating?k={Uri.EscapeDataString(ticket.AccessKey!)}";
}

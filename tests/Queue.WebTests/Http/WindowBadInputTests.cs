using System.Net;
using Queue.Contracts.Model;

namespace Queue.WebTests.Http;

/// <summary>
/// Bad input to the window terminal's endpoints. Requests that fail validation go to the demo hall; every case
/// that needs a window in some state gets a fresh hall of its own (see <see cref="QueueApi.NewHall"/>).
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class WindowBadInputTests(QueueWebFactory web)
{
    private const string Demo = "/api/halls/binjiang/windows";

    private static readonly object Staff = new { staffId = "s-404", staffName = "赵六" };

    public static BadInputTable Table { get; } = new BadInputTable()
        // addressing
        .Add("sign in at window 99 of the demo hall", HttpStatusCode.NotFound, "window-not-found", api => api.Post($"{Demo}/99/sign-in", Staff))
        .Add("sign in at window 0", HttpStatusCode.NotFound, "window-not-found", api => api.Post($"{Demo}/0/sign-in", Staff))
        .Add("sign in at window -1", HttpStatusCode.NotFound, "window-not-found", api => api.Post($"{Demo}/-1/sign-in", Staff))
        .Add("sign in at window 10000", HttpStatusCode.NotFound, "window-not-found", api => api.Post($"{Demo}/10000/sign-in", Staff))
        .Add("sign in at a window number beyond int", HttpStatusCode.NotFound, "http-404", api => api.Post($"{Demo}/99999999999/sign-in", Staff))
        .Add("sign in at a window that is not a number", HttpStatusCode.NotFound, "http-404", api => api.Post($"{Demo}/abc/sign-in", Staff))
        .Add("sign in at a window of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/windows/1/sign-in", Staff))
        .Add("sign in at a window of a malformed hall id", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/No_Hall!/windows/1/sign-in", Staff))
        .Add("read window 99 of the demo hall", HttpStatusCode.NotFound, "window-not-found", api => api.Get($"{Demo}/99"))
        .Add("call next at a window of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Post("/api/halls/no-such-hall/windows/1/call-next"))

        // sign-in bodies
        .Add("sign in with malformed JSON", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw($"{Demo}/1/sign-in", """{"staffId":"s1",}x"""))
        .Add("sign in with an empty body", HttpStatusCode.BadRequest, "body-required", api => api.PostRaw($"{Demo}/1/sign-in", ""))
        .Add("sign in with no body at all", HttpStatusCode.BadRequest, "body-required", api => api.Post($"{Demo}/1/sign-in"))
        .Add("sign in with a number for staffId", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw($"{Demo}/1/sign-in", """{"staffId":7,"staffName":"张三"}"""))
        .Add("sign in without staffId", HttpStatusCode.BadRequest, "missing-staffId", api => api.Post($"{Demo}/1/sign-in", new { staffName = "张三" }))
        .Add("sign in with a blank staffName", HttpStatusCode.BadRequest, "missing-staffName", api => api.Post($"{Demo}/1/sign-in", new { staffId = "s1", staffName = "   " }))
        .Add("sign in with a staffName of 65 characters", HttpStatusCode.BadRequest, "invalid-staffName", api => api.Post($"{Demo}/1/sign-in", new { staffId = "s1", staffName = new string('张', 65) }))
        .Add("sign in with a control character in staffId", HttpStatusCode.BadRequest, "invalid-staffId", api => api.Post($"{Demo}/1/sign-in", new { staffId = "s\u001b1", staffName = "张三" }))
        .Add("sign in at a window another staff member holds", HttpStatusCode.Conflict, "window-occupied", async api =>
        {
            var hallId = await api.NewHall();
            await api.SignIn(hallId, 1, "s-001");
            return await api.Post($"/api/halls/{hallId}/windows/1/sign-in", new { staffId = "s-002", staffName = "王五" });
        })

        // wrong state
        .Add("call next at a closed window", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var hallId = await api.NewHall();
            await api.Issue(hallId);
            return await api.Post($"/api/halls/{hallId}/windows/1/call-next");
        })
        .Add("call next at a paused window", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Waiting);
            await api.Window(hallId, 1, "pause", new { reason = "午休" });
            return await api.Post($"/api/halls/{hallId}/windows/1/call-next");
        })
        .Add("start at a window that is not calling", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Waiting);
            return await api.Post($"/api/halls/{hallId}/windows/1/start");
        })
        .Add("complete a ticket that was never called", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Waiting);
            return await api.Post($"/api/halls/{hallId}/windows/1/complete", new { outcome = "Done" });
        })
        .Add("complete a ticket that was called but not started", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Called);
            return await api.Post($"/api/halls/{hallId}/windows/1/complete", new { outcome = "Done" });
        })
        .Add("sign out while serving", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Serving);
            return await api.Post($"/api/halls/{hallId}/windows/1/sign-out");
        })
        .Add("sign out a closed window", HttpStatusCode.Conflict, "window-state", async api => await api.Post($"/api/halls/{await api.NewHall()}/windows/1/sign-out"))
        .Add("mark a no-show without recalling", HttpStatusCode.Conflict, "recall-first", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Called);
            return await api.Post($"/api/halls/{hallId}/windows/1/no-show");
        })
        .Add("mark a no-show after one of the two required recalls", HttpStatusCode.Conflict, "recall-first", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Called);
            await api.Window(hallId, 1, "recall");
            return await api.Post($"/api/halls/{hallId}/windows/1/no-show");
        })
        .Add("recall at an idle window", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Waiting);
            return await api.Post($"/api/halls/{hallId}/windows/1/recall");
        })
        .Add("pause while serving", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Serving);
            return await api.Post($"/api/halls/{hallId}/windows/1/pause", new { reason = "午休" });
        })
        .Add("resume a window that is not paused", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Waiting);
            return await api.Post($"/api/halls/{hallId}/windows/1/resume");
        })
        .Add("hold while only calling", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Called);
            return await api.Post($"/api/halls/{hallId}/windows/1/hold", new { reason = "缺少材料" });
        })

        // reasons and outcomes
        .Add("pause without a reason", HttpStatusCode.BadRequest, "missing-reason", api => api.Post($"{Demo}/1/pause", new { }))
        .Add("pause with a blank reason", HttpStatusCode.BadRequest, "missing-reason", api => api.Post($"{Demo}/1/pause", new { reason = " \t " }))
        .Add("pause with an empty body", HttpStatusCode.BadRequest, "body-required", api => api.PostRaw($"{Demo}/1/pause", ""))
        .Add("pause with a reason of 201 characters", HttpStatusCode.BadRequest, "invalid-reason", api => api.Post($"{Demo}/1/pause", new { reason = new string('休', 201) }))
        .Add("pause with no body at all", HttpStatusCode.BadRequest, "body-required", api => api.Post($"{Demo}/1/pause"))
        .Add("complete with no body at all", HttpStatusCode.BadRequest, "body-required", api => api.Post($"{Demo}/1/complete"))
        .Add("hold without a reason", HttpStatusCode.BadRequest, "missing-reason", api => api.Post($"{Demo}/1/hold", new { }))
        .Add("complete NotDone without a reason", HttpStatusCode.BadRequest, "missing-reason", api => api.Post($"{Demo}/1/complete", new { outcome = "NotDone" }))
        .Add("complete with the undefined outcome name Maybe", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw($"{Demo}/1/complete", """{"outcome":"Maybe"}"""))
        .Add("complete with the undefined outcome number 7", HttpStatusCode.BadRequest, "invalid-outcome", api => api.PostRaw($"{Demo}/1/complete", """{"outcome":7}"""))
        .Add("complete with a reason of 201 characters", HttpStatusCode.BadRequest, "invalid-reason", api => api.Post($"{Demo}/1/complete", new { outcome = "NotDone", reason = new string('缺', 201) }))
        .Add("complete with a control character in the reason", HttpStatusCode.BadRequest, "invalid-reason", api => api.Post($"{Demo}/1/complete", new { outcome = "NotDone", reason = "缺\u0001材料" }))

        // transfer
        .Add("transfer without a target", HttpStatusCode.BadRequest, "transfer-target", api => api.Post($"{Demo}/1/transfer", new { note = "转" }))
        .Add("transfer with a number for toTheme", HttpStatusCode.BadRequest, "malformed-json", api => api.PostRaw($"{Demo}/1/transfer", """{"toTheme":5}"""))
        .Add("transfer with a note of 201 characters", HttpStatusCode.BadRequest, "invalid-note", api => api.Post($"{Demo}/1/transfer", new { toTheme = "SW", note = new string('转', 201) }))
        .Add("transfer at an idle window", HttpStatusCode.Conflict, "window-state", async api =>
        {
            var (hallId, _) = await api.TicketAtWindow(TicketStatus.Waiting);
            return await api.Post($"/api/halls/{hallId}/windows/1/transfer", new { toTheme = "BB" });
        })
        .Add("transfer to an unknown theme", HttpStatusCode.UnprocessableEntity, "theme-not-found", async api => await Transfer(api, new { toTheme = "ZZ" }))
        .Add("transfer to the window itself", HttpStatusCode.UnprocessableEntity, "transfer-self", async api => await Transfer(api, new { toWindow = 1 }))
        .Add("transfer to the same theme without a window", HttpStatusCode.UnprocessableEntity, "transfer-nowhere", async api => await Transfer(api, new { toTheme = "AA" }))
        .Add("transfer to a window not serving the theme", HttpStatusCode.UnprocessableEntity, "window-not-serving", async api => await Transfer(api, new { toWindow = 2 }))
        .Add("transfer to an unknown window", HttpStatusCode.UnprocessableEntity, "window-not-found", async api => await Transfer(api, new { toTheme = "BB", toWindow = 99 }))

        // profile
        .Add("set a dedicated profile with two themes", HttpStatusCode.UnprocessableEntity, "window-profile", api => api.Put($"{Demo}/1/profile", new { kind = "Dedicated", themes = new[] { "BDC", "SW" } }))
        .Add("set a profile with an unknown theme", HttpStatusCode.UnprocessableEntity, "window-theme", api => api.Put($"{Demo}/1/profile", new { kind = "Ordered", themes = new[] { "BDC", "ZZZ" } }))
        .Add("set a dedicated profile without themes", HttpStatusCode.UnprocessableEntity, "window-profile", api => api.PutRaw($"{Demo}/1/profile", """{"kind":"Dedicated"}"""))
        .Add("set a profile listing a null theme", HttpStatusCode.UnprocessableEntity, "window-theme", api => api.PutRaw($"{Demo}/1/profile", """{"kind":"Ordered","themes":[null]}"""))
        .Add("set a profile with the undefined kind number 9", HttpStatusCode.BadRequest, "invalid-kind", api => api.PutRaw($"{Demo}/1/profile", """{"kind":9,"themes":[]}"""))
        .Add("set a profile with the undefined kind name Vip", HttpStatusCode.BadRequest, "malformed-json", api => api.PutRaw($"{Demo}/1/profile", """{"kind":"Vip","themes":[]}"""))
        .Add("set a profile with an empty body", HttpStatusCode.BadRequest, "body-required", api => api.PutRaw($"{Demo}/1/profile", ""));

    public static TheoryData<string> Cases => Table.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public Task WindowEndpointsRefuseBadInputWithAProblem(string name) => Problem.AssertRefused(Table[name], new QueueApi(web.CreateClient()));

    /// <summary>Transfers the AA ticket being served at window 1 of a fresh hall.</summary>
    private static async Task<HttpResponseMessage> Transfer(QueueApi api, object body)
    {
        var (hallId, _) = await api.TicketAtWindow(TicketStatus.Serving);
        return await api.Post($"/api/halls/{hallId}/windows/1/transfer", body);
    }
}

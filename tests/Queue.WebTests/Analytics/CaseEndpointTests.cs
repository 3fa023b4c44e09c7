using System.Net;
using System.Text;
using MiniExcelLibs;
using Queue.Contracts.Cases;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Microsoft.AspNetCore.SignalR.Client;
using Queue.WebTests.Http;
using Queue.WebTests.Live;

namespace Queue.WebTests.Analytics;

/// <summary>
/// The cases over HTTP, opened by what happens at the window and on the phone: a real-name 差评 (a ticket taken with a
/// phone number) opens a follow-up, an anonymous one none, a 没办成 a case; filters, a change with its history, the
/// exports read back (the XLSX parsed with MiniExcel) against the API's list, and bad input refused in both languages.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class CaseEndpointTests(QueueWebFactory web)
{
    private readonly QueueApi _api = new(web.CreateClient());

    public static BadInputTable Table { get; } = new BadInputTable()
        .Add("cases of a kind that does not exist", HttpStatusCode.BadRequest, "invalid-kind", api => api.Get("/api/halls/binjiang/cases?kind=Complaint"))
        .Add("cases of a status given as a number", HttpStatusCode.BadRequest, "invalid-status", api => api.Get("/api/halls/binjiang/cases?status=7"))
        .Add("cases with an overdue flag that is not one", HttpStatusCode.BadRequest, "invalid-overdue", api => api.Get("/api/halls/binjiang/cases?overdue=maybe"))
        .Add("cases of window 0", HttpStatusCode.BadRequest, "invalid-window", api => api.Get("/api/halls/binjiang/cases?window=0"))
        .Add("a page of 501 cases", HttpStatusCode.BadRequest, "invalid-limit", api => api.Get("/api/halls/binjiang/cases?limit=501"))
        .Add("cases from a date that is not a date", HttpStatusCode.BadRequest, "invalid-from", api => api.Get("/api/halls/binjiang/cases?from=2026-02-30"))
        .Add("cases over a range that runs backwards", HttpStatusCode.BadRequest, "invalid-range", api => api.Get("/api/halls/binjiang/cases/export.xlsx?from=2026-03-02&to=2026-03-01"))
        .Add("cases of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/cases"))
        .Add("a case id of another shape", HttpStatusCode.NotFound, "case-not-found", api => api.Get("/api/halls/binjiang/cases/x1"))
        .Add("a case that does not exist", HttpStatusCode.NotFound, "case-not-found", api => api.Get("/api/halls/binjiang/cases/C99999999"))
        .Add("a change without a body", HttpStatusCode.BadRequest, "body-required", api => api.PatchRaw("/api/halls/binjiang/cases/C00001", ""))
        .Add("a note longer than 500 characters", HttpStatusCode.BadRequest, "invalid-note", api => api.Patch("/api/halls/binjiang/cases/C00001", new { note = new string('记', 501) }))
        .Add("a deadline of 0 working days", HttpStatusCode.BadRequest, "invalid-followUpWorkingDays", api => api.Put("/api/halls/binjiang/cases/settings", new { followUpWorkingDays = 0 }))
        .Add("a deadline of 61 working days", HttpStatusCode.BadRequest, "invalid-notDoneWorkingDays", api => api.Put("/api/halls/binjiang/cases/settings", new { notDoneWorkingDays = 61 }));

    public static TheoryData<string> BadInputs => Table.Names;

    [Theory]
    [MemberData(nameof(BadInputs))]
    public Task BadCaseRequestsAreRefusedWithAProblemInBothLanguages(string name) => Problem.AssertRefused(Table[name], _api);

    [Fact]
    public async Task ARealName差评OpensAFollowUpAnAnonymousOneNoneAndA没办成ACase()
    {
        var hallId = await _api.NewHall();
        var real = await Serve(hallId, "13800138000", "Done");
        var anonymous = await Serve(hallId, null, "Done");
        await Serve(hallId, null, "NotDone", "缺少营业执照");
        await Rate(real, 1, "等了一个小时");
        await Rate(anonymous, 1, "不满意");

        var all = await List(hallId, "");
        Assert.Equal(2, all.Matching);
        var followUp = Assert.Single((await List(hallId, "?kind=FollowUp")).Items);
        Assert.Equal((real.DisplayNumber, CaseStatus.Pending, 1, "等了一个小时", "s-001", 1), (followUp.DisplayNumber, followUp.Status, followUp.Level, followUp.Comment, followUp.StaffId, followUp.WindowNo));
        var notDone = Assert.Single((await List(hallId, "?kind=notdone&status=Open&theme=AA&window=1&staff=s-001")).Items);
        Assert.Equal(("缺少营业执照", CaseStatus.Open), (notDone.Comment, notDone.Status));
        Assert.Equal(0, (await List(hallId, "?theme=BB")).Matching);
        Assert.Equal(0, (await List(hallId, "?overdue=true")).Matching);
        Assert.Single((await List(hallId, "?limit=1&offset=1")).Items);

        var counts = await QueueApi.Checked<CaseCounts>(_api.Get($"/api/halls/{hallId}/cases/overdue"), HttpStatusCode.OK);
        Assert.Equal(new CaseCounts(hallId, 1, 0, 1, 0), counts);
    }

    [Fact]
    public async Task AChangeRecordsWhoAndWhenAndAnIllegalMoveIs409InBothLanguages()
    {
        var hallId = await _api.NewHall();
        await Rate(await Serve(hallId, "13900139000", "Done"), 2, "态度不好");
        var opened = Assert.Single((await List(hallId, "")).Items);

        var changed = await QueueApi.Checked<CaseView>(
            _api.Patch($"/api/halls/{hallId}/cases/{opened.CaseId}", new { status = "CalledBack", assignee = "王科长", note = "已电话回访，道歉" }), HttpStatusCode.OK);
        Assert.Equal((CaseStatus.CalledBack, "王科长"), (changed.Status, changed.Assignee));
        var last = changed.History[^1];
        Assert.Equal(("admin", CaseStatus.CalledBack, "王科长", "已电话回访，道歉"), (last.By, last.Status, last.Assignee, last.Note));

        using var refused = await _api.Patch($"/api/halls/{hallId}/cases/{opened.CaseId}", new { status = "Answered" });
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("case-transition", body, StringComparison.Ordinal);
        Assert.Contains("不能从“已回访”改为“已答复”", body, StringComparison.Ordinal);
        Assert.Contains("cannot go from called back to answered", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACasesNoteAndAssigneeStayOffTheLiveScreens()
    {
        var hallId = await _api.NewHall();
        await using var screen = await HubClient.ConnectAsync(web);
        await screen.Connection.InvokeAsync<HallSnapshot>("WatchHall", hallId, null);
        await Serve(hallId, null, "NotDone", "材料不全");
        var opened = Assert.Single((await List(hallId, "")).Items);

        await QueueApi.Checked<CaseView>(
            _api.Patch($"/api/halls/{hallId}/cases/{opened.CaseId}", new { status = "Referred", assignee = "赵六", note = "办事人电话138…" }), HttpStatusCode.OK);

        await screen.Until(c => c.Events.Any(e => e.Kind == HallEventKind.CaseUpdated));
        var updated = Assert.Single(screen.Events, e => e.Kind == HallEventKind.CaseUpdated);
        Assert.Equal((opened.CaseId, CaseStatus.Referred), (updated.CaseId, updated.CaseStatus));
        Assert.Equal(((string?)null, (string?)null, (string?)null), (updated.Reason, updated.CaseAssignee, updated.StaffId));
    }

    [Fact]
    public async Task TheXlsxAndCsvExportsReadBackAsTheApiListsTheCases()
    {
        var hallId = await _api.NewHall();
        await Rate(await Serve(hallId, "13700137000", "Done"), 1, "=HYPERLINK(\"x\")，太慢");
        await Serve(hallId, null, "NotDone", "材料不全");
        await Serve(hallId, null, "NotDone", "需补充证明");
        var listed = await List(hallId, "");
        Assert.Equal(3, listed.Matching);

        using var xlsx = await _api.Get($"/api/halls/{hallId}/cases/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(listed.Items.Select(c => c.CaseId), rows.Select(r => (string)r["案件号 Case"]!));
        Assert.Equal(listed.Items.Select(c => c.DisplayNumber), rows.Select(r => (string)r["号票 Ticket"]!));
        Assert.Equal(listed.Items.Select(c => c.Comment), rows.Select(r => r["留言/原因 Comment"] as string));
        Assert.Equal(listed.Items.Select(c => c.Deadline.ToString("yyyy-MM-dd")), rows.Select(r => (string)r["期限 Deadline"]!));
        Assert.Equal(listed.Items.Select(c => c.DaysOverdue), rows.Select(r => Convert.ToInt32(r["逾期天数 Days overdue"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["没办成 (NotDone)", "没办成 (NotDone)", "回访整改 (FollowUp)"], rows.Select(r => (string)r["类型 Kind"]!));
        Assert.Equal(["待处理 (Open)", "待处理 (Open)", "待回访 (Pending)"], rows.Select(r => (string)r["状态 Status"]!));

        using var csv = await _api.Get($"/api/halls/{hallId}/cases/export.csv?kind=FollowUp");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(("text/csv", (byte)0xEF), (csv.Content.Headers.ContentType?.MediaType, bytes[0]));
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("案件号 Case,类型 Kind,状态 Status", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")，太慢\"", lines[1], StringComparison.Ordinal); // a formula stays text
    }

    private async Task<CaseList> List(string hallId, string query) =>
        await QueueApi.Checked<CaseList>(_api.Get($"/api/halls/{hallId}/cases{query}"), HttpStatusCode.OK);

    /// <summary>A ticket taken at the kiosk (with a phone number: real-name), called, served and completed at window 1.</summary>
    private async Task<TicketSnapshot> Serve(string hallId, string? phone, string outcome, string? reason = null)
    {
        var ticket = await QueueApi.Checked<TicketSnapshot>(
            _api.Post($"/api/halls/{hallId}/themes/AA/tickets", new { channel = "Kiosk", priority = "Normal", phone }), HttpStatusCode.Created);
        await _api.SignIn(hallId, 1);
        await _api.Window(hallId, 1, "call-next");
        await _api.Window(hallId, 1, "start");
        await _api.Window(hallId, 1, "complete", new { outcome, reason });
        return ticket;
    }

    private Task<TicketSnapshot> Rate(TicketSnapshot ticket, int level, string comment) => QueueApi.Checked<TicketSnapshot>(
        _api.Post($"/api/tickets/{ticket.TicketId}/rating?k={Uri.EscapeDataString(ticket.AccessKey!)}", new { level, comment }), HttpStatusCode.OK);
}

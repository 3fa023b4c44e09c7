using System.Net;
using Queue.Contracts.Analytics;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Microsoft.AspNetCore.SignalR.Client;
using Queue.WebTests.Http;
using Queue.WebTests.Live;

namespace Queue.WebTests.Analytics;

/// <summary>The 好差评 list and the satisfaction-by-wait chart over HTTP, with ratings given through the phone's endpoint.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class RatingsEndpointTests(QueueWebFactory web)
{
    private readonly QueueApi _api = new(web.CreateClient());

    public static BadInputTable Table { get; } = new BadInputTable()
        .Add("ratings from a date that is not a date", HttpStatusCode.BadRequest, "invalid-from", api => api.Get("/api/halls/binjiang/analytics/ratings?from=2026-02-30"))
        .Add("ratings to a date in another format", HttpStatusCode.BadRequest, "invalid-to", api => api.Get("/api/halls/binjiang/analytics/ratings?to=1.3.2026"))
        .Add("ratings over a range that runs backwards", HttpStatusCode.BadRequest, "invalid-range", api => api.Get("/api/halls/binjiang/analytics/ratings?from=2026-03-02&to=2026-03-01"))
        .Add("ratings over more than 92 days", HttpStatusCode.BadRequest, "invalid-range", api => api.Get("/api/halls/binjiang/analytics/ratings?from=2026-01-01&to=2026-04-03"))
        .Add("ratings with a flag that is not one", HttpStatusCode.BadRequest, "invalid-onlyUnsatisfied", api => api.Get("/api/halls/binjiang/analytics/ratings?onlyUnsatisfied=maybe"))
        .Add("ratings of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/analytics/ratings"))
        .Add("the satisfaction-by-wait chart over more than 92 days", HttpStatusCode.BadRequest, "invalid-range", api => api.Get("/charts/binjiang/satisfaction-by-wait.svg?from=2026-01-01&to=2026-06-01"));

    public static TheoryData<string> BadInputs => Table.Names;

    [Theory]
    [MemberData(nameof(BadInputs))]
    public Task BadRatingQueriesAreRefusedWithAProblemInBothLanguages(string name) => Problem.AssertRefused(Table[name], _api);

    [Fact]
    public async Task TheUnsatisfiedRatingsAreListedWithTheirCommentWindowStaffAndWait()
    {
        var hallId = await _api.NewHall();
        var unhappy = await Serve(hallId, "王*");
        var happy = await Serve(hallId, null);
        await Rate(unhappy, 1, "<script>alert(1)</script>等了很久");
        await Rate(happy, 5, "很好");

        var report = await QueueApi.Checked<RatingsReport>(_api.Get($"/api/halls/{hallId}/analytics/ratings?onlyUnsatisfied=true"), HttpStatusCode.OK);

        Assert.Equal((2, 1, 1, 0, 1, 1), (report.Rated, report.Satisfied, report.Unsatisfied, report.UnknownWait, report.Matching, report.Listed));
        var entry = Assert.Single(report.Ratings);
        Assert.Equal(
            (unhappy.DisplayNumber, "AA", "AA事项", 1, "s-001", 1, "<script>alert(1)</script>等了很久"),
            (entry.DisplayNumber, entry.ThemeCode, entry.ThemeName, entry.WindowNo, entry.StaffId, entry.Level, entry.Comment));
        Assert.Equal("王*", entry.CitizenName);
        Assert.NotNull(entry.WaitMinutes);
        Assert.Equal([0, 10, 20, 30, 45], report.Bands.Select(b => b.FromMinutes));
        var firstBand = report.Bands[0];
        Assert.Equal((2, 1, 0.5), (firstBand.Rated, firstBand.Satisfied, firstBand.SatisfiedShare));

        var all = await QueueApi.Checked<RatingsReport>(_api.Get($"/api/halls/{hallId}/analytics/ratings"), HttpStatusCode.OK);
        Assert.Equal([5, 1], all.Ratings.Select(r => r.Level)); // newest first
    }

    [Fact]
    public async Task ARatingsCommentAndTheCitizensNameStayOffTheLiveScreens()
    {
        var hallId = await _api.NewHall();
        await using var screen = await HubClient.ConnectAsync(web);
        await screen.Connection.InvokeAsync<HallSnapshot>("WatchHall", hallId, null);
        var ticket = await Serve(hallId, "王*");

        await Rate(ticket, 1, "等了很久");

        await screen.Until(c => c.Events.Any(e => e.Kind == HallEventKind.TicketRated));
        var rated = Assert.Single(screen.Events, e => e.Kind == HallEventKind.TicketRated);
        Assert.Equal((1, (string?)null, (string?)null, (string?)null), (rated.Rating, rated.Reason, rated.CitizenName, rated.TicketId));
    }

    [Fact]
    public async Task TheSatisfactionByWaitChartAnswersSvgWithItsChineseTitleAndBands()
    {
        using var response = await _api.Get("/charts/binjiang/satisfaction-by-wait.svg");
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, "image/svg+xml"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains("满意率与等候时间", svg, StringComparison.Ordinal);
        Assert.Contains("45+", svg, StringComparison.Ordinal);
    }

    /// <summary>A ticket taken (with the citizen's name when given), called, served and completed at window 1.</summary>
    private async Task<TicketSnapshot> Serve(string hallId, string? name)
    {
        var ticket = await QueueApi.Checked<TicketSnapshot>(
            _api.Post($"/api/halls/{hallId}/themes/AA/tickets", new { channel = "Kiosk", priority = "Normal", name = name?.Replace("*", "五", StringComparison.Ordinal) }),
            HttpStatusCode.Created);
        var window = await _api.SignIn(hallId, 1);
        Assert.Equal(WindowState.Idle, window.State);
        await _api.Window(hallId, 1, "call-next");
        await _api.Window(hallId, 1, "start");
        await _api.Window(hallId, 1, "complete", new { outcome = "Done" });
        return ticket;
    }

    private Task<TicketSnapshot> Rate(TicketSnapshot ticket, int level, string comment) => QueueApi.Checked<TicketSnapshot>(
        _api.Post($"/api/tickets/{ticket.TicketId}/rating?k={Uri.EscapeDataString(ticket.AccessKey!)}", new { level, comment }), HttpStatusCode.OK);
}

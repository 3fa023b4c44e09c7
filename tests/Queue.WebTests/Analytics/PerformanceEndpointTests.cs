using System.Net;
using System.Text;
using MiniExcelLibs;
using Queue.Contracts.Analytics;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Api;
using Queue.WebTests.Http;

namespace Queue.WebTests.Analytics;

/// <summary>Staff performance (JSON, CSV, XLSX read back) and the one-trip rate over HTTP, with tickets served through the API.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class PerformanceEndpointTests(QueueWebFactory web)
{
    private const string Phone = "13800138000";
    private readonly QueueApi _api = new(web.CreateClient());

    public static BadInputTable Table { get; } = new BadInputTable()
        .Add("performance from a date that is not a date", HttpStatusCode.BadRequest, "invalid-from", api => api.Get("/api/halls/binjiang/analytics/performance?from=2026-02-30"))
        .Add("performance over more than 92 days", HttpStatusCode.BadRequest, "invalid-range", api => api.Get("/api/halls/binjiang/analytics/performance?from=2026-01-01&to=2026-04-03"))
        .Add("performance over a range that runs backwards", HttpStatusCode.BadRequest, "invalid-range", api => api.Get("/api/halls/binjiang/analytics/performance?from=2026-03-02&to=2026-03-01"))
        .Add("performance of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/analytics/performance"))
        .Add("performance exported in a format that does not exist", HttpStatusCode.BadRequest, "invalid-format", api => api.Get("/api/halls/binjiang/analytics/performance/export?format=pdf"))
        .Add("performance exported over more than 92 days", HttpStatusCode.BadRequest, "invalid-range", api => api.Get("/api/halls/binjiang/analytics/performance/export?format=xlsx&from=2026-01-01&to=2026-06-01"))
        .Add("one-trip by a grouping that does not exist", HttpStatusCode.BadRequest, "invalid-by", api => api.Get("/api/halls/binjiang/analytics/one-trip?by=week"))
        .Add("one-trip to a date in another format", HttpStatusCode.BadRequest, "invalid-to", api => api.Get("/api/halls/binjiang/analytics/one-trip?to=1.3.2026"))
        .Add("one-trip over more than 366 days", HttpStatusCode.BadRequest, "invalid-range", api => api.Get("/api/halls/binjiang/analytics/one-trip?from=2025-01-01&to=2026-03-01"))
        .Add("one-trip of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/analytics/one-trip"))
        .Add("a hall whose one-trip days are none", HttpStatusCode.BadRequest, "invalid-oneTripDays", api => PutHall(api, 0))
        .Add("a hall whose one-trip days are more than a year", HttpStatusCode.BadRequest, "invalid-oneTripDays", api => PutHall(api, 366))
        .Add("the year of an unknown ticket (no key can fit it)", HttpStatusCode.Forbidden, "ticket-key", api => api.Get("/api/tickets/binjiang.AA.00000000000000000000000000000000/year?k=AAAAAAAAAAAAAAAAAAAAAA"));

    public static TheoryData<string> BadInputs => Table.Names;

    private static Task<HttpResponseMessage> PutHall(QueueApi api, int oneTripDays)
    {
        var hallId = QueueApi.NewHallId();
        return api.Put($"/api/halls/{hallId}", TestHalls.Small(hallId, ["AA"], Contracts.Model.WindowProfile.Dedicated("AA")) with { OneTripDays = oneTripDays });
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public Task BadReportQueriesAreRefusedWithAProblemInBothLanguages(string name) => Problem.AssertRefused(Table[name], _api);

    [Fact]
    public async Task ACitizenBackForTheSameThemeAfterANotDoneIsASecondTripAndOneWithoutAKeyIsUnknown()
    {
        var hallId = await _api.NewHall();
        await _api.SignIn(hallId, 1);
        await Serve(hallId, Phone, "NotDone");
        await Serve(hallId, Phone, "Done");
        await Serve(hallId, null, "Done");
        await Serve(hallId, "13900139000", "Done");

        var report = await QueueApi.Checked<OneTripReport>(_api.Get($"/api/halls/{hallId}/analytics/one-trip?by=theme"), HttpStatusCode.OK);

        Assert.Equal(("theme", 30), (report.By, report.Days));
        var aa = Assert.Single(report.Rows);
        Assert.Equal(("AA", 4, 2, 1, 1, (double?)0.6667), (aa.Key, aa.Visits, aa.OneTrip, aa.Repeat, aa.Unknown, aa.Rate));
        Assert.Equal(aa with { Key = "" }, report.Hall);
        using var events = await _api.Get($"/api/halls/{hallId}/events");
        Assert.DoesNotContain("c1:", await events.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the keyed hash stays in the silo
    }

    [Fact]
    public async Task TheExportsCarryTheApisFiguresPerPersonWindowAndTheme()
    {
        var hallId = await _api.NewHall();
        await _api.SignIn(hallId, 1, "s-007");
        await Serve(hallId, null, "NotDone");
        await Serve(hallId, null, "Done");
        await _api.Window(hallId, 1, "pause", new { reason = "午休" });
        await _api.Window(hallId, 1, "resume");

        var report = await QueueApi.Checked<PerformanceReport>(_api.Get($"/api/halls/{hallId}/analytics/performance"), HttpStatusCode.OK);
        var person = Assert.Single(report.People);
        Assert.Equal(("s-007", 2, 1, 0.5, 1), (person.Key, person.Served, person.NotDone, person.NotDoneShare, person.Pauses));
        Assert.Equal("午休", Assert.Single(person.PausesByReason).Reason);
        Assert.Equal(["1"], report.Windows.Select(w => w.Key));
        Assert.Equal(["AA"], report.Themes.Select(t => t.Key));

        using var xlsx = await _api.Get($"/api/halls/{hallId}/analytics/performance/export?format=xlsx");
        Assert.Equal((HttpStatusCode.OK, ReportEndpoints.XlsxType), (xlsx.StatusCode, xlsx.Content.Headers.ContentType?.MediaType));
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal([PerformanceExport.PeopleSheet, PerformanceExport.WindowsSheet, PerformanceExport.ThemesSheet], MiniExcel.GetSheetNames(stream));
        foreach (var (sheet, rows) in new[] { (PerformanceExport.PeopleSheet, report.People), (PerformanceExport.WindowsSheet, report.Windows), (PerformanceExport.ThemesSheet, report.Themes) })
        {
            var read = stream.Query(useHeaderRow: true, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(rows.Length, read.Count);
            foreach (var (row, cells) in rows.Zip(read))
            {
                Assert.Equal(PerformanceExport.Cells(row).Select(Text), PerformanceExport.Headers.Select(h => Text(cells[h])));
            }
        }

        using var csv = await _api.Get($"/api/halls/{hallId}/analytics/performance/export?format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        Assert.StartsWith("\"分组 Section\",\"对象 Key\",\"办件量 Served\"", lines[0], StringComparison.Ordinal);
        Assert.Contains($"\"{PerformanceExport.PeopleSheet}\",\"s-007\",\"2\",", lines[1], StringComparison.Ordinal);
        Assert.Equal(1 + report.People.Length + report.Windows.Length + report.Themes.Length, lines.Count);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task TheCitizensYearShowsOnlyWhatTheirKeyLinks()
    {
        var hallId = await _api.NewHall();
        await _api.SignIn(hallId, 1);
        await Serve(hallId, Phone, "NotDone");
        await Serve(hallId, "13900139000", "Done"); // someone else
        var again = await Serve(hallId, Phone, "Done");
        var anonymous = await Serve(hallId, null, "Done");
        await QueueApi.Checked<TicketSnapshot>(
            _api.Post($"/api/tickets/{again.TicketId}/rating?k={Uri.EscapeDataString(again.AccessKey!)}", new { level = 4, comment = "好" }), HttpStatusCode.OK);

        var year = await QueueApi.Checked<CitizenYear>(_api.Get($"/api/tickets/{again.TicketId}/year?k={Uri.EscapeDataString(again.AccessKey!)}"), HttpStatusCode.OK);

        Assert.Equal((hallId, true, 2), (year.HallId, year.Known, year.Visits));
        Assert.Equal([("AA", "AA事项", 2)], year.Themes.Select(t => (t.Code, t.Name, t.Visits)));
        Assert.Equal((2, 1, 1, 0, (double?)0.5), (year.OneTrip.Visits, year.OneTrip.OneTrip, year.OneTrip.Repeat, year.OneTrip.Unknown, year.OneTrip.Rate));
        Assert.Equal([("AA", 4)], year.Ratings.Select(r => (r.ThemeCode, r.Level)));
        Assert.NotNull(year.AverageWaitMinutes);
        var none = await QueueApi.Checked<CitizenYear>(
            _api.Get($"/api/tickets/{anonymous.TicketId}/year?k={Uri.EscapeDataString(anonymous.AccessKey!)}"), HttpStatusCode.OK);
        Assert.Equal((false, 0, 0), (none.Known, none.Visits, none.Ratings.Length));
    }

    // Numbers compare as numbers (Excel stores them as doubles), text as text, a missing figure as empty.
    private static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s,
        IConvertible c when c.GetTypeCode() is not TypeCode.String => Convert.ToDouble(c, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>A ticket taken (with a phone number when given), called, served and completed at window 1 (signed in already).</summary>
    private async Task<TicketSnapshot> Serve(string hallId, string? phone, string outcome)
    {
        var ticket = await QueueApi.Checked<TicketSnapshot>(
            _api.Post($"/api/halls/{hallId}/themes/AA/tickets", new { channel = "Kiosk", priority = "Normal", phone }), HttpStatusCode.Created);
        await _api.Window(hallId, 1, "call-next");
        await _api.Window(hallId, 1, "start");
        await _api.Window(hallId, 1, "complete", outcome == "Done" ? new { outcome } : new { outcome, reason = "缺材料" });
        return ticket;
    }
}

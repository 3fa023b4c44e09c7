using System.Globalization;
using System.Net;
using MiniExcelLibs;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Api;
using Queue.WebTests.Http;

namespace Queue.WebTests.Analytics;

/// <summary>The monthly report (月度报告) over HTTP: bad months refused in both languages, its figures those of the APIs it reuses, and the XLSX read back.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class MonthlyReportEndpointTests(QueueWebFactory web)
{
    private readonly QueueApi _api = new(web.CreateClient());

    public static BadInputTable Table { get; } = new BadInputTable()
        .Add("a month with a thirteenth month", HttpStatusCode.BadRequest, "invalid-month", api => api.Get("/api/halls/binjiang/reports/monthly?month=2026-13"))
        .Add("a month without its leading zero", HttpStatusCode.BadRequest, "invalid-month", api => api.Get("/api/halls/binjiang/reports/monthly?month=2026-3"))
        .Add("a month that is a date", HttpStatusCode.BadRequest, "invalid-month", api => api.Get("/api/halls/binjiang/reports/monthly?month=2026-03-01"))
        .Add("a month before 2000", HttpStatusCode.BadRequest, "invalid-month", api => api.Get("/api/halls/binjiang/reports/monthly?month=1999-12"))
        .Add("a month exported that is not a month", HttpStatusCode.BadRequest, "invalid-month", api => api.Get("/api/halls/binjiang/reports/monthly/export.xlsx?month=march"))
        .Add("a month that has not begun", HttpStatusCode.UnprocessableEntity, "future-month", api => api.Get("/api/halls/binjiang/reports/monthly?month=2099-01"))
        .Add("a month exported that has not begun", HttpStatusCode.UnprocessableEntity, "future-month", api => api.Get("/api/halls/binjiang/reports/monthly/export.xlsx?month=2100-12"))
        .Add("the monthly report of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/reports/monthly"))
        .Add("the monthly chart of a month that is not a month", HttpStatusCode.BadRequest, "invalid-month", api => api.Get("/charts/binjiang/monthly-volumes.svg?month=2026-00"));

    public static TheoryData<string> BadInputs => Table.Names;

    [Theory]
    [MemberData(nameof(BadInputs))]
    public Task BadMonthsAreRefusedWithAProblemInBothLanguages(string name) => Problem.AssertRefused(Table[name], _api);

    [Fact]
    public async Task TheReportCarriesTheApisFiguresAndTheXlsxReadsBackTheSame()
    {
        var hallId = await _api.NewHall();
        await _api.SignIn(hallId, 1, "s-042");
        await Serve(hallId, "13800138000", "NotDone");
        await Serve(hallId, "13800138000", "Done");
        await Serve(hallId, null, "Done");
        await _api.Window(hallId, 1, "sign-out"); // the open time stops growing, so the export a moment later reads the same

        // The time series are fed by the relay from the journal: wait (at most a minute) until it has carried the three services.
        var report = await QueueApi.Checked<MonthlyReport>(_api.Get($"/api/halls/{hallId}/reports/monthly"), HttpStatusCode.OK);
        for (var tries = 0; report.Totals.Completed < 3 && tries < 120; tries++)
        {
            await Task.Delay(500);
            report = await QueueApi.Checked<MonthlyReport>(_api.Get($"/api/halls/{hallId}/reports/monthly"), HttpStatusCode.OK);
        }

        var kpis = await QueueApi.Checked<Contracts.Analytics.HallKpis>(_api.Get($"/api/halls/{hallId}/analytics/kpis"), HttpStatusCode.OK);

        Assert.Equal(report.From.ToString("yyyy-MM", CultureInfo.InvariantCulture), report.Month);
        Assert.Equal((1, report.To.Day), (report.From.Day, report.Days.Length));
        var today = report.Days[^1];
        Assert.Equal((kpis.Date, kpis.Issued, kpis.Completed, kpis.OnTimeShare), (today.Date, today.Issued, today.Completed, today.OnTimeShare));
        Assert.Equal((3L, 3L, 3L, 1L), (report.Totals.Issued, report.Totals.Completed, report.Totals.OnTime, report.Totals.NotDone));
        Assert.Equal((double?)0.5, report.OneTrip.Hall.Rate);
        Assert.Equal(report.OneTrip.Hall.Rate, report.Totals.OneTripRate);
        Assert.Equal([(CaseKind.FollowUp, 0), (CaseKind.NotDone, 1)], report.Cases.Select(c => (c.Kind, c.Opened)));
        Assert.Equal(("s-042", 3, 1), (Assert.Single(report.Staff).Key, report.Staff[0].Served, report.Staff[0].NotDone));
        Assert.Null(report.Comparison); // a new hall has no earlier month

        using var xlsx = await _api.Get($"/api/halls/{hallId}/reports/monthly/export.xlsx?month={report.Month}");
        Assert.Equal((HttpStatusCode.OK, ReportEndpoints.XlsxType), (xlsx.StatusCode, xlsx.Content.Headers.ContentType?.MediaType));
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(
            [MonthlyExport.DaysSheet, MonthlyExport.TotalsSheet, MonthlyExport.OneTripSheet, MonthlyExport.CasesSheet, MonthlyExport.StaffSheet],
            MiniExcel.GetSheetNames(stream));
        var days = Read(stream, MonthlyExport.DaysSheet);
        Assert.Equal(report.Days.Length, days.Count);
        foreach (var (day, cells) in report.Days.Zip(days))
        {
            Assert.Equal(MonthlyExport.DayCells(day).Select(Text), MonthlyExport.DayHeaders.Select(h => Text(cells[h])));
        }

        var totals = Read(stream, MonthlyExport.TotalsSheet);
        Assert.Equal(MonthlyExport.TotalNames, totals.Select(r => Text(r["项目 Item"])));
        Assert.Equal(MonthlyExport.TotalCells(report.Totals).Select(Text), totals.Select(r => Text(r[report.Month])));
        Assert.Equal(report.OneTrip.Rows.Select(r => (r.Key, Text(r.Visits), Text(r.Rate))),
            Read(stream, MonthlyExport.OneTripSheet).Select(r => (Text(r["日期 Date"]), Text(r["来访 Visits"]), Text(r["一次办成率 Rate"]))));
        Assert.Equal(report.Cases.Select(c => (c.Kind.ToString(), Text(c.Opened), Text(c.Closed), Text(c.Overdue))),
            Read(stream, MonthlyExport.CasesSheet).Select(r => (Text(r["类型 Kind"]), Text(r["新开 Opened"]), Text(r["已办结 Closed"]), Text(r["逾期 Overdue"]))));
        var staff = Assert.Single(Read(stream, MonthlyExport.StaffSheet));
        Assert.Equal(PerformanceExport.Cells(report.Staff[0]).Select(Text), PerformanceExport.Headers.Select(h => Text(staff[h])));

        using var chart = await _api.Get($"/charts/{hallId}/monthly-compliance.svg?month={report.Month}&lang=en");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Contains("called within 30 minutes", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<IDictionary<string, object?>> Read(MemoryStream stream, string sheet) =>
        [.. stream.Query(useHeaderRow: true, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];

    // Numbers compare as numbers (Excel stores them as doubles), text as text, a missing figure as empty.
    private static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s,
        IConvertible c when c.GetTypeCode() is not TypeCode.String => Convert.ToDouble(c, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private async Task Serve(string hallId, string? phone, string outcome)
    {
        await QueueApi.Checked<TicketSnapshot>(
            _api.Post($"/api/halls/{hallId}/themes/AA/tickets", new { channel = "Kiosk", priority = "Normal", phone }), HttpStatusCode.Created);
        await _api.Window(hallId, 1, "call-next");
        await _api.Window(hallId, 1, "start");
        await _api.Window(hallId, 1, "complete", outcome == "Done" ? new { outcome } : new { outcome, reason = "缺材料" });
    }
}

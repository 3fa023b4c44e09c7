using MiniExcelLibs;
using Queue.Contracts.Analytics;

namespace Queue.Dashboard.Api;

/// <summary>
/// The monthly report's tables as XLSX (MiniExcel), one sheet per section: 每日 (the days), 合计 (the month's totals and the
/// comparison's, one column each), 一次办成 (the one-trip rate per day), 案件 (cases by kind) and 人员 (the staff table, the
/// columns of <see cref="PerformanceExport"/>). Numbers stay numbers, the API's own.
/// </summary>
public static class MonthlyExport
{
    public const string DaysSheet = "每日 Days";
    public const string TotalsSheet = "合计 Totals";
    public const string OneTripSheet = "一次办成 One trip";
    public const string CasesSheet = "案件 Cases";
    public const string StaffSheet = "人员 Staff";

    public static readonly string[] DayHeaders =
    [
        "日期 Date", "取号 Issued", "叫号 Called", "办结 Completed", "平均等待秒 Avg wait s", "最长等待秒 Max wait s",
        "30分钟达标率 On-time share", "评价数 Rated", "满意率 Satisfied share",
    ];

    public static readonly string[] TotalNames =
    [
        "取号 Issued", "叫号 Called", "办结 Completed", "平均等待秒 Avg wait s", "最长等待秒 Max wait s", "30分钟内叫号 On time",
        "30分钟达标率 On-time share", "评价数 Rated", "满意率 Satisfied share", "平均评分 Avg rating", "没办成 Not done",
        "差评 Unsatisfied", "一次办成率 One-trip rate",
    ];

    public static byte[] Xlsx(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sheets = new Dictionary<string, object>
        {
            [DaysSheet] = report.Days.Select(d => Row(DayHeaders, DayCells(d))).ToList(),
            [TotalsSheet] = TotalNames.Select((name, i) =>
            {
                var row = new Dictionary<string, object?> { ["项目 Item"] = name, [report.Month] = TotalCells(report.Totals)[i] };
                if (report.Comparison is { } c)
                {
                    row[$"{c.Month} ({c.Basis})"] = TotalCells(c.Totals)[i];
                }

                return row;
            }).ToList(),
            [OneTripSheet] = report.OneTrip.Rows.Select(r => Row(
                ["日期 Date", "来访 Visits", "一次办成 One trip", "再次来访 Repeat", "身份不明 Unknown", "一次办成率 Rate"],
                [r.Key, r.Visits, r.OneTrip, r.Repeat, r.Unknown, r.Rate])).ToList(),
            [CasesSheet] = report.Cases.Select(c => Row(
                ["类型 Kind", "新开 Opened", "已办结 Closed", "逾期 Overdue"], [c.Kind.ToString(), c.Opened, c.Closed, c.Overdue])).ToList(),
            [StaffSheet] = report.Staff.Select(r => Row(PerformanceExport.Headers, PerformanceExport.Cells(r))).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static object?[] DayCells(MonthlyDay d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return [d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Issued, d.Called, d.Completed,
            d.AverageWaitSeconds, d.MaxWaitSeconds, d.OnTimeShare, d.Rated, d.SatisfiedShare];
    }

    public static object?[] TotalCells(MonthlyTotals t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return [t.Issued, t.Called, t.Completed, t.AverageWaitSeconds, t.MaxWaitSeconds, t.OnTime, t.OnTimeShare, t.Rated,
            t.SatisfiedShare, t.AverageRating, t.NotDone, t.Unsatisfied, t.OneTripRate];
    }

    private static Dictionary<string, object?> Row(IReadOnlyList<string> headers, object?[] cells) =>
        headers.Zip(cells).ToDictionary(p => p.First, p => p.Second);
}

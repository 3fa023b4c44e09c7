using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Queue.Contracts.Cases;
using Queue.Contracts.Model;

namespace Queue.Dashboard.Api;

/// <summary>
/// The case list as a table, the same columns in CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese) and
/// XLSX (MiniExcel). Headers are Chinese with English; statuses and kinds are written as their Chinese names with the
/// code in brackets. A CSV cell that starts like a formula (= + - @) gets a leading apostrophe: comments are citizens' text.
/// </summary>
public static class CaseExport
{
    public static readonly string[] Headers =
    [
        "案件号 Case", "类型 Kind", "状态 Status", "开立 Opened", "期限 Deadline", "逾期天数 Days overdue", "号票 Ticket", "主题 Theme",
        "窗口 Window", "工作人员 Staff", "评价 Level", "留言/原因 Comment", "办事人 Citizen", "负责人 Assignee", "部门 Department", "办结 Closed",
    ];

    public static string KindName(CaseKind kind) => kind == CaseKind.FollowUp ? "回访整改 (FollowUp)" : "没办成 (NotDone)";

    public static string StatusName(CaseStatus status) => status switch
    {
        CaseStatus.Pending => "待回访",
        CaseStatus.CalledBack => "已回访",
        CaseStatus.Rectifying => "整改中",
        CaseStatus.Open => "待处理",
        CaseStatus.DoneOnSpot => "当场补办",
        CaseStatus.Referred => "移交",
        CaseStatus.Answered => "已答复",
        _ => "已办结",
    } + $" ({status})";

    public static IEnumerable<object?[]> Rows(IEnumerable<CaseView> cases, TimeZoneInfo zone) => cases.Select(c => new object?[]
    {
        c.CaseId, KindName(c.Kind), StatusName(c.Status), Local(c.OpenedAt, zone), c.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        c.DaysOverdue, c.DisplayNumber, c.ThemeName is null ? c.ThemeCode : $"{c.ThemeName} ({c.ThemeCode})", c.WindowNo, c.StaffId, c.Level,
        c.Comment, c.CitizenName, c.Assignee, c.Department, c.ClosedAt is { } closed ? Local(closed, zone) : null,
    });

    public static byte[] Csv(IEnumerable<CaseView> cases, TimeZoneInfo zone)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers.Select(Cell)).Append("\r\n");
        foreach (var row in Rows(cases, zone))
        {
            text.AppendJoin(',', row.Select(v => Cell(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IEnumerable<CaseView> cases, TimeZoneInfo zone)
    {
        // A table rather than rows of dictionaries: it names its columns even when there is no case.
        using var table = new System.Data.DataTable("cases") { Locale = CultureInfo.InvariantCulture };
        foreach (var header in Headers)
        {
            table.Columns.Add(header, typeof(object));
        }

        foreach (var row in Rows(cases, zone))
        {
            table.Rows.Add([.. row.Select(v => v ?? DBNull.Value)]);
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "cases");
        return stream.ToArray();
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

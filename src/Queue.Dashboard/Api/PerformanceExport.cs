using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Queue.Contracts.Analytics;

namespace Queue.Dashboard.Api;

/// <summary>
/// Staff performance as a file: CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese; one table with a first
/// column naming the section) or XLSX (MiniExcel; one sheet per section: 人员, 窗口, 主题). The headers are Chinese and
/// English; the figures are the API's own, unrounded further.
/// </summary>
public static class PerformanceExport
{
    public const string PeopleSheet = "人员 People";
    public const string WindowsSheet = "窗口 Windows";
    public const string ThemesSheet = "主题 Themes";

    public static readonly string[] Headers =
    [
        "对象 Key", "办件量 Served", "平均办理秒 Avg handle s", "没办成 Not done", "没办成占比 Not-done share", "评价数 Ratings",
        "平均评分 Avg rating", "转办 Transfers", "暂停次数 Pauses", "暂停秒 Pause s", "暂停原因 Pauses by reason", "在岗秒 Open s",
        "有人等候时空闲秒 Idle while waiting s",
    ];

    public static byte[] Csv(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', new[] { "分组 Section" }.Concat(Headers).Select(Quote)));
        foreach (var (section, rows) in Sections(report))
        {
            foreach (var row in rows)
            {
                csv.AppendLine(string.Join(',', new[] { section }.Concat(Cells(row).Select(Text)).Select(Quote)));
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sheets = Sections(report).ToDictionary(
            s => s.Section,
            s => (object)s.Rows.Select(r => Headers.Zip(Cells(r)).ToDictionary(p => p.First, p => p.Second)).ToList());
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static IEnumerable<(string Section, IReadOnlyList<PerformanceRow> Rows)> Sections(PerformanceReport r) =>
        [(PeopleSheet, r.People), (WindowsSheet, r.Windows), (ThemesSheet, r.Themes)];

    /// <summary>A row's cells in the order of <see cref="Headers"/>; numbers stay numbers (null: not applicable).</summary>
    public static object?[] Cells(PerformanceRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return
        [
            r.Key, r.Served, r.AverageHandleSeconds, r.NotDone, r.NotDoneShare, r.Ratings, r.AverageRating, r.Transfers, r.Pauses,
            r.PauseSeconds, string.Join("; ", r.PausesByReason.Select(p => $"{(p.Reason.Length == 0 ? "—" : p.Reason)} ×{p.Count} {p.Seconds.ToString(CultureInfo.InvariantCulture)}s")),
            r.OpenSeconds, r.IdleWhileWaitingSeconds,
        ];
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    // Every cell quoted; a leading =, +, - or @ is kept from being read as a formula by a quote mark.
    private static string Quote(string value) =>
        "\"" + (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, CultureInfo.InvariantCulture, out _) ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

using System.Text;

namespace Queue.LoadTests.Reports;

/// <summary>RFC 4180 CSV: one row per scenario total and per step; the ratios in a second file.</summary>
public static class CsvReport
{
    public static string Render(RunReport report) =>
        Render(ReportTable.Header, report.Scenarios.SelectMany(ReportTable.Rows));

    public static string RenderRatios(RunReport report) =>
        Render(ReportTable.RatioHeader, report.Ratios.Select(ReportTable.Row));

    private static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(Field)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

using System.Net;
using System.Text;

namespace Queue.LoadTests.Reports;

/// <summary>A self-contained page (well-formed XHTML, no scripts) with the same tables as the Markdown.</summary>
public static class HtmlReport
{
    public static string Render(RunReport report)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\" />");
        html.Append("<title>").Append(E(report.Title)).AppendLine("</title>");
        html.AppendLine("<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
            + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}"
            + "tr.total{font-weight:bold;background:#f4f4f4}</style></head><body>");
        html.Append("<h1>").Append(E(report.Title)).AppendLine("</h1>");
        html.Append("<p>Started ").Append(E(report.Started.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)))
            .Append(" on ").Append(E(report.Machine.ToString())).Append(". Target: ").Append(E(report.Target)).AppendLine(".</p>");
        if (report.Ratios.Any(r => r.IsGoal))
        {
            html.AppendLine("<h2>Goals</h2>");
            Table(html, "goals", ReportTable.GoalHeader, report.Ratios.Where(r => r.IsGoal).Select(ReportTable.GoalRow), _ => false);
        }

        if (report.Ratios.Count > 0)
        {
            html.AppendLine("<h2>Ratios to the baselines</h2>");
            Table(html, "ratios", ReportTable.RatioHeader, report.Ratios.Select(ReportTable.Row), _ => false);
        }

        foreach (var scenario in report.Scenarios)
        {
            html.Append("<h2>").Append(E(scenario.Name)).AppendLine("</h2>");
            html.Append("<p>Load: ").Append(E(scenario.Load)).AppendLine("</p>");
            var rows = ReportTable.Rows(scenario).Select(r => (IReadOnlyList<string>)r.Skip(1).ToList()).ToList();
            Table(html, "scenario", ReportTable.Header.Skip(1).ToList(), rows, i => i == 0);
            List(html, scenario.Notes);
        }

        if (report.Notes.Count > 0)
        {
            html.AppendLine("<h2>Notes</h2>");
            List(html, report.Notes);
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void Table(StringBuilder html, string kind, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, Func<int, bool> isTotal)
    {
        html.Append("<table class=\"").Append(kind).Append("\"><thead><tr>");
        foreach (var h in header)
        {
            html.Append("<th>").Append(E(h)).Append("</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        var index = 0;
        foreach (var row in rows)
        {
            html.Append(isTotal(index++) ? "<tr class=\"total\">" : "<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
    }

    private static void List(StringBuilder html, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<ul>");
        foreach (var item in items)
        {
            html.Append("<li>").Append(E(item)).Append("</li>");
        }

        html.AppendLine("</ul>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

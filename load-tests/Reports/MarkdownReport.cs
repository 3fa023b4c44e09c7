using System.Text;

namespace Queue.LoadTests.Reports;

public static class MarkdownReport
{
    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(report.Title).AppendLine();
        md.AppendLine($"- Started: {report.Started:yyyy-MM-dd HH:mm:ss zzz}");
        md.AppendLine($"- Machine: {report.Machine}");
        md.AppendLine($"- Target: {report.Target}");
        md.AppendLine("- Latency in ms of the ok answers, from each request's intended start; rps counts every request per second of load.");
        md.AppendLine();
        if (report.Ratios.Any(r => r.IsGoal))
        {
            md.AppendLine("## Goals").AppendLine();
            Table(md, ReportTable.GoalHeader, report.Ratios.Where(r => r.IsGoal).Select(ReportTable.GoalRow));
        }

        if (report.Ratios.Count > 0)
        {
            md.AppendLine("## Ratios to the baselines").AppendLine();
            Table(md, ReportTable.RatioHeader, report.Ratios.Select(ReportTable.Row));
        }

        foreach (var scenario in report.Scenarios)
        {
            md.Append("## ").AppendLine(scenario.Name).AppendLine();
            md.AppendLine($"Load: {scenario.Load} (measured {scenario.Duration.TotalSeconds:0.#} s, at most {scenario.MaxInFlight} iterations in flight)").AppendLine();
            Table(md, ReportTable.Header.Skip(1).ToList(), ReportTable.Rows(scenario).Select(r => r.Skip(1).ToList()));
            foreach (var note in scenario.Notes)
            {
                md.Append("- ").AppendLine(note);
            }

            md.AppendLine();
        }

        if (report.Notes.Count > 0)
        {
            md.AppendLine("## Notes").AppendLine();
            foreach (var note in report.Notes)
            {
                md.Append("- ").AppendLine(note);
            }
        }

        return md.ToString();
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        md.Append('|').AppendJoin('|', header.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
        }

        md.AppendLine();
    }
}

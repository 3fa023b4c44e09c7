namespace Queue.LoadTests.Reports;

/// <summary>Writes report.md, report.csv, ratios.csv and report.html into a results folder.</summary>
public static class ReportWriter
{
    public static async Task<IReadOnlyList<string>> WriteAsync(RunReport report, string folder, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(folder);
        var files = new (string Name, string Text)[]
        {
            ("report.md", MarkdownReport.Render(report)),
            ("report.csv", CsvReport.Render(report)),
            ("ratios.csv", CsvReport.RenderRatios(report)),
            ("report.html", HtmlReport.Render(report)),
        };
        var paths = new List<string>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllTextAsync(path, text, cancellation);
            paths.Add(path);
        }

        return paths;
    }
}

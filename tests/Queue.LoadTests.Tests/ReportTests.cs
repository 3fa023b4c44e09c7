using System.Xml.Linq;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Reports;

namespace Queue.LoadTests.Tests;

public sealed class ReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("load-report-").FullName;

    [Fact]
    public async Task ReportsAreWrittenAsMarkdownCsvAndHtmlThatParseBackToTheSameCounts()
    {
        var scenario = Scenario.Create("report, \"quoted\"", async context =>
        {
            await Task.Yield();
            return await context.Step("step <one>", () => Task.FromResult(context.InvocationNumber % 4 == 3 ? Response.Fail("409 busy") : Response.Ok()));
        }).WithLoad(LoadSimulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))).WithoutWarmUp();
        var scenarios = await LoadRunner.RunAsync([scenario]);
        var report = new RunReport("测试 report", DateTimeOffset.Now, MachineInfo.Current(), "http://127.0.0.1:1/", scenarios,
            [new Ratio("issue ÷ plaintext", 30, 100, "req/s", "≥ 0.30", "same run"), Ratio.Unavailable("call → phone", "ms", "≤ 1.2", "not yet")], ["a note"]);

        var files = await ReportWriter.WriteAsync(report, _folder);

        Assert.Equal(["report.md", "report.csv", "ratios.csv", "report.html"], files.Select(Path.GetFileName));
        var csv = ParseCsv(await File.ReadAllTextAsync(Path.Combine(_folder, "report.csv")));
        Assert.Equal(ReportTable.Header, csv[0]);
        Assert.All(csv, row => Assert.Equal(ReportTable.Header.Count, row.Count));
        Assert.Equal(["report, \"quoted\"", "(scenario)", "15", "5"], csv[1].Take(4));
        Assert.Equal(["report, \"quoted\"", "step <one>", "15", "5"], csv[2].Take(4));
        Assert.Equal("409 busy: 5", csv[2][^1]);
        var ratios = ParseCsv(await File.ReadAllTextAsync(Path.Combine(_folder, "ratios.csv")));
        Assert.Equal(["issue ÷ plaintext", "30.00", "100.00", "req/s", "0.300"], ratios[1].Take(5));
        Assert.Equal("n/a", ratios[2][4]);

        var html = XDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "report.html")));
        var cells = html.Descendants().Where(e => e.Name.LocalName == "table" && (string?)e.Attribute("class") == "scenario")
            .Single().Descendants().Where(e => e.Name.LocalName == "tr").Skip(2).Single().Elements().Select(e => e.Value).ToList();
        Assert.Equal(["step <one>", "15", "5"], cells.Take(3));

        var markdown = await File.ReadAllTextAsync(Path.Combine(_folder, "report.md"));
        Assert.Contains("| step <one> | 15 | 5 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| issue ÷ plaintext | 30.00 | 100.00 | req/s | 0.300 |", markdown, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}

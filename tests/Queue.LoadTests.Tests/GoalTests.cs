using Queue.LoadTests.Cli;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Push;
using Queue.LoadTests.Reports;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Tests;

/// <summary>Issue 15's goals: how a goal is read and checked, the goals rows, the deep line's samples, the soak's windows, the open-file fit.</summary>
public sealed class GoalTests
{
    [Theory]
    [InlineData("≥ 0.10", "≥", 0.10, false)]
    [InlineData(">= 0.9", "≥", 0.9, false)]
    [InlineData("≤ 1.3", "≤", 1.3, false)]
    [InlineData("< 50 ms", "<", 50, true)]
    [InlineData("0 errors", "=", 0, true)]
    [InlineData("≤ 20,000 watchers", "≤", 20000, true)]
    public void AGoalIsReadAsAComparisonOnTheRatioOrWithAUnitOnTheMeasuredValue(string text, string op, double limit, bool onMeasured) =>
        Assert.Equal(new Goal(op, limit, onMeasured), Goal.Parse(text));

    [Theory]
    [InlineData("(≤ 1.2)")]
    [InlineData("")]
    [InlineData("fast")]
    public void AGoalInParenthesesOrWithoutANumberIsForInformationOnly(string text) => Assert.Null(Goal.Parse(text));

    [Fact]
    public void ARatioIsMetWhenItsValueOrItsMeasuredFigureMeetsTheGoal()
    {
        Assert.True(new Ratio("issue", 120, 1000, "req/s", "≥ 0.10", "").Met);
        Assert.False(new Ratio("issue", 90, 1000, "req/s", "≥ 0.10", "").Met);
        Assert.True(new Ratio("deep", 900, 1000, "tickets/s", "≥ 0.9", "").Met); // the bound itself meets ≥
        Assert.False(new Ratio("soak p99", 14, 10, "ms", "≤ 1.3", "").Met);
        Assert.True(new Ratio("morning", 49.9, 50, "ms", "< 50 ms", "").Met);
        Assert.False(new Ratio("morning", 50, 50, "ms", "< 50 ms", "").Met);
        Assert.True(new Ratio("errors", 0, null, "failed", "0 errors", "").Met);
        Assert.False(new Ratio("errors", 3, 0, "failed", "0 errors", "").Met);
        Assert.Null(new Ratio("info", 3, 1, "ms", "(≤ 1.2)", "").Met);
        Assert.Null(Ratio.Unavailable("not run", "ms", "≤ 2", "did not run").Met);
    }

    [Fact]
    public void EveryGoalOfTheIssueHasARowEvenWhenItsScenarioDidNotRun()
    {
        var ratios = Ratios.Compute([], null, null, hubInProcess: false);
        var goals = ratios.Where(r => r.IsGoal).ToList();

        Assert.Equal(
            ["durable ticket issue RPS ÷ plaintext RPS", "issue rate, deep line ÷ empty line", "call → phone p99 ÷ bare hub p99, 20,000 watchers",
                "province morning, p99 of issue", "soak: p99 of issue, last ÷ first window", "soak: working set, end ÷ after warm-up", "soak: errors",
                "call → board p99 ÷ bare hub p99, like for like"],
            goals.Select(g => g.Name));
        Assert.All(goals, g => Assert.Null(g.Met));
        Assert.Equal(["≥ 0.10", "≥ 0.9", "≤ 1.2", "< 50 ms", "≤ 1.3", "≤ 1.10", "0 errors", "≤ 2"], goals.Select(g => g.Goal));
    }

    [Fact]
    public void TheDurableIssueAndTheMorningsP99AreCheckedFromTheirScenarios()
    {
        ScenarioReport Report(string name, string step, long ok, double okRps, double p99) =>
            new(name, "load", TimeSpan.FromSeconds(10), Step("(scenario)", ok, okRps, p99), [Step(step, ok, okRps, p99)], 1, []);

        var ratios = Ratios.Compute(
            [Report("baseline-plaintext", "request", 10_000, 10_000, 1), Report(Ratios.KioskMax, KioskSurge.StepName, 1_500, 1_500, 20),
                Report(ProductSuite.MorningPrefix + ProductScenarios.KioskSurge, KioskSurge.StepName, 100, 10, 61.5)],
            null, null, hubInProcess: false);

        var issue = ratios.Single(r => r.Name.StartsWith("durable", StringComparison.Ordinal));
        Assert.Equal((0.15, true), (issue.Value, issue.Met));
        var morning = ratios.Single(r => r.Name.StartsWith("province morning", StringComparison.Ordinal));
        Assert.Equal((61.5, false), (morning.Ours, morning.Met));
        Assert.Equal(61.5 / 50, morning.Value);
    }

    [Fact]
    public void TheGoalsTableSaysGoalMeasuredRatioAndMet()
    {
        var report = new RunReport("t", DateTimeOffset.Now, MachineInfo.Current(), "x", [],
            [new Ratio("deep ÷ empty", 950, 1000, "tickets/s", "≥ 0.9", "n") { IsGoal = true }, new Ratio("informative", 1, 2, "ms", "(≤ 1)", "n")], []);

        var markdown = MarkdownReport.Render(report);
        var csv = CsvReport.RenderRatios(report);

        Assert.Contains("| measure | goal | measured | ratio | met? |", markdown, StringComparison.Ordinal);
        Assert.Contains("| deep ÷ empty | ≥ 0.9 | 950.00 vs 1000.00 tickets/s | 0.950 | yes |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| informative | (≤ 1) |", markdown.Split("## Ratios")[0], StringComparison.Ordinal);
        Assert.Contains("ratio,ours,baseline,unit,value,goal,met,note", csv, StringComparison.Ordinal);
        Assert.Contains("deep ÷ empty,950.00,1000.00,tickets/s,0.950,≥ 0.9,yes,n", csv, StringComparison.Ordinal);
        Assert.Contains("informative,1.00,2.00,ms,0.500,(≤ 1),n/a,n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDeepLineTimesASampleAfterEachClientsFirstTicketAndTheSampleAfterTheDeepMarkAndSkipsTheFill()
    {
        var line = new LineMilestones(sample: 2, deep: 4, offset: 1);

        var parts = new[] { 1.0, 2.0, 3.0, 4.0, 4.5, 5.0, 6.0 }.Select(line.Issued).ToList();

        Assert.Equal([LineMilestones.Part.Filling, LineMilestones.Part.Empty, LineMilestones.Part.Empty, LineMilestones.Part.Filling,
            LineMilestones.Part.Deep, LineMilestones.Part.Deep, LineMilestones.Part.After], parts);
        Assert.Equal(1.0, line.EmptyRate); // tickets 2 and 3, between the 1st (1.0 s) and the 3rd (3.0 s)
        Assert.Equal(2.0, line.DeepRate); // tickets 5 and 6, between the 4th (4.0 s) and the 6th (5.0 s)
        Assert.Equal(2.0, line.Ratio);
        Assert.True(line.Done.IsCompleted);
        Assert.Equal(6.0, line.Elapsed);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineMilestones(sample: 2, deep: 4, offset: 3));
    }

    [Fact]
    public void TheDeepLineHasNoRatioUntilBothSamplesAreComplete()
    {
        var line = new LineMilestones(sample: 2, deep: 4);

        line.Issued(1);
        line.Issued(2);
        line.Issued(3);

        Assert.Equal(1.0, line.EmptyRate);
        Assert.Null(line.DeepRate);
        Assert.Null(line.Ratio);
        Assert.False(line.Done.IsCompleted);
        Assert.Equal(LineMilestones.Part.Filling, line.Current);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineMilestones(sample: 5, deep: 4));
    }

    [Fact]
    public void TheRescaledDeepLineReportCountsPerSecondOfTheStreamsRealLength()
    {
        var step = new StepReport("issue (deep line)", 300, 0, 1, 1, Percentiles.None, Percentiles.None, new Dictionary<string, long>());
        var report = new ScenarioReport("issue-deep-line", "KeepConstant 16 × 300s", TimeSpan.FromSeconds(300), step with { Name = "(scenario)" }, [step], 16, []);

        var rescaled = ProductSuite.Rescaled(report, 15, stoppedEarly: true);

        Assert.Equal((20.0, 20.0), (rescaled.Total.Rps, rescaled.Steps[0].OkRps));
        Assert.Equal(TimeSpan.FromSeconds(15), rescaled.Duration);
        Assert.Same(report, ProductSuite.Rescaled(report, 15, stoppedEarly: false));
    }

    [Theory]
    [InlineData(30, 5, 0, SoakWindows.Part.First)]
    [InlineData(30, 5, 299.9, SoakWindows.Part.First)]
    [InlineData(30, 5, 300, SoakWindows.Part.Middle)]
    [InlineData(30, 5, 1499.9, SoakWindows.Part.Middle)]
    [InlineData(30, 5, 1500, SoakWindows.Part.Last)]
    [InlineData(10, 5, 300, SoakWindows.Part.Last)]
    [InlineData(1, 0.5, 29.9, SoakWindows.Part.First)]
    [InlineData(1, 0.5, 30, SoakWindows.Part.Last)]
    public void TheSoakSplitsIntoTheFirstAndLastFiveMinutesOrHalvesOfAShorterRun(double minutes, double windowMinutes, double seconds, SoakWindows.Part part)
    {
        var windows = new SoakWindows(TimeSpan.FromMinutes(minutes));

        Assert.Equal(TimeSpan.FromMinutes(windowMinutes), windows.Window);
        Assert.Equal(part, windows.PartAt(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void TheSoakComparesTheLastWindowsP99WithTheFirsts()
    {
        var windows = new SoakWindows(TimeSpan.FromMinutes(30));
        Assert.Null(windows.P99Ratio);

        for (var i = 0; i < 100; i++)
        {
            windows.Record(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(10));
            windows.Record(TimeSpan.FromMinutes(15), TimeSpan.FromMilliseconds(500)); // the middle counts in neither
            windows.Record(TimeSpan.FromMinutes(29), TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(10, windows.First.P99, 1);
        Assert.Equal(20, windows.Last.P99, 1);
        Assert.Equal(2, windows.P99Ratio!.Value, 2);
    }

    [Fact]
    public void WatchersAreFittedToTheOpenFileLimitPerProcess()
    {
        string[] limits =
        [
            "Limit                     Soft Limit           Hard Limit           Units",
            "Max processes             unlimited            unlimited            processes",
            "Max open files            20000                20000                files",
        ];

        Assert.Equal(20_000, OpenFiles.Parse(limits));
        Assert.Null(OpenFiles.Parse(["Max open files            unlimited            unlimited            files"]));
        Assert.Equal(19_000, OpenFiles.Fit(20_000, 20_000));
        Assert.Equal(5_000, OpenFiles.Fit(5_000, 20_000));
        Assert.Equal(20_000, OpenFiles.Fit(20_000, 1_048_576));
        Assert.Equal(20_000, OpenFiles.Fit(20_000, null));
    }

    private static StepReport Step(string name, long ok, double okRps, double p99) =>
        new(name, ok, 0, okRps, okRps, new Percentiles(p99 / 2, p99 / 2, p99 / 2, p99, p99, p99), Percentiles.None, new Dictionary<string, long>());
}

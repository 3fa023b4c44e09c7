using Queue.LoadTests.Cli;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Tests;

public sealed class CliTests
{
    [Fact]
    public void TheCommandLineReadsEveryOption()
    {
        var options = CliOptions.Parse(["--url", "http://127.0.0.1:5081", "--suite", "smoke", "--out", "x", "--halls", "a, b", "--baselines", "inprocess", "--watchers", "50", "--no-progress"]);

        Assert.Equal(new Uri("http://127.0.0.1:5081/"), options.Url);
        Assert.Equal("smoke", options.Suite);
        Assert.Equal("x", options.Out);
        Assert.Equal(["a", "b"], options.Halls);
        Assert.False(options.ChildBaselines);
        Assert.Equal(50, options.Watchers);
        Assert.False(options.Progress);
    }

    [Fact]
    public void AtAUrlTheToolSignsInAsTheGivenUserWithThePasswordFromTheCommandLineOrElseTheEnvironment()
    {
        Dictionary<string, string?> environment = new() { ["QUEUE_ADMIN_PASSWORD"] = "from-the-environment" };

        var fromEnvironment = CliOptions.Parse(["--url", "http://127.0.0.1:5081"], name => environment.GetValueOrDefault(name));
        var fromArguments = CliOptions.Parse(["--url", "http://127.0.0.1:5081", "--user", "ops", "--password", "from-the-arguments"], name => environment.GetValueOrDefault(name));
        var neither = CliOptions.Parse(["--url", "http://127.0.0.1:5081"], _ => null);

        Assert.Equal(("admin", "from-the-environment"), (fromEnvironment.User, fromEnvironment.Password));
        Assert.Equal(("ops", "from-the-arguments"), (fromArguments.User, fromArguments.Password));
        Assert.Null(neither.Password);
    }

    [Fact]
    public void OnlyLoopbackMayBeALoadTarget() =>
        Assert.Throws<ArgumentException>(() => CliOptions.Parse(["--url", "http://example.com"]));

    [Fact]
    public async Task AnUnknownScenarioIsRefusedBeforeAnythingStarts()
    {
        using var output = new StringWriter();

        var exit = await new SuiteRunner(CliOptions.Parse(["--scenarios", "watchers,nope", "--no-progress"]), output).RunAsync(CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("Unknown scenario 'nope'", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAUrlTheToolStartsTheProductOnTheSuitesHalls()
    {
        var options = CliOptions.Parse(["--hall-count", "5"]);

        Assert.Null(options.Url);
        Assert.Null(options.Halls);
        Assert.Equal(5, options.HallCount);
        Assert.Equal(["binjiang", "binjiang-02", "binjiang-03"], Product.ProductHalls.Ids(3));
        Assert.Throws<ArgumentException>(() => CliOptions.Parse(["--watchers", "0"]));
    }

    [Fact]
    public void Issue15sScenariosTakeTheirSizesFromTheCommandLine()
    {
        var options = CliOptions.Parse(["--big-watchers", "18000", "--deep-line", "2000", "--soak-minutes", "1.5", "--soak-rate", "400", "--soak-close-every", "120"]);
        var never = CliOptions.Parse(["--soak-close-every", "0"]);
        var defaults = CliOptions.Parse([]);

        Assert.Equal((18_000, 2_000, 1.5, 400), (options.BigWatchers, options.DeepLineWaiting, options.SoakMinutes, options.SoakRate));
        Assert.Equal(TimeSpan.FromMinutes(2), options.SoakCloseEvery);
        Assert.Null(never.SoakCloseEvery);
        Assert.Equal((null, null, 30.0, null), (defaults.BigWatchers, defaults.DeepLineWaiting, defaults.SoakMinutes, defaults.SoakRate));
        Assert.Equal(TimeSpan.FromMinutes(1), defaults.SoakCloseEvery);
        Assert.Throws<ArgumentException>(() => CliOptions.Parse(["--soak-minutes", "0"]));
        Assert.Throws<ArgumentException>(() => CliOptions.Parse(["--soak-close-every", "-5"]));
        Assert.Throws<ArgumentException>(() => CliOptions.Parse(["--deep-line"]));
    }

    [Fact]
    public void TheSoakRunsOnlyWhenNamedAndAllNamesEveryScenario()
    {
        Assert.DoesNotContain(ProductScenarios.Soak, ProductScenarios.Resolve(null));
        Assert.Contains(ProductScenarios.DeepLine, ProductScenarios.Resolve(null));
        Assert.Contains(ProductScenarios.Watchers20k, ProductScenarios.Resolve(null));
        Assert.Equal(ProductScenarios.All, ProductScenarios.Resolve(["all"]));
        Assert.Equal(["soak"], ProductScenarios.Resolve(["soak"]));
    }

    [Fact]
    public void TheStandardSuiteHasTheIssuesSizesAndTheSmokeSuiteSmallOnes()
    {
        Assert.Equal((20_000, 10_000, 16), (Suite.Standard.BigWatchers, Suite.Standard.DeepLine.Waiting, Suite.Standard.DeepLine.Clients));
        Assert.True(Suite.Smoke.BigWatchers < 1_000 && Suite.Smoke.DeepLine.Waiting < 1_000);
        Assert.True(Suite.Smoke.DeepLine.Sample <= Suite.Smoke.DeepLine.Waiting);
    }

    [Fact]
    public void ADeepLineFromTheCommandLineKeepsRoomForItsSamples()
    {
        var standard = Suite.Standard.DeepLine;

        Assert.Equal((20_000, 1_000), (standard.WithWaiting(20_000).Waiting, standard.WithWaiting(20_000).Sample));
        Assert.Equal((100, 84), (standard.WithWaiting(100).Waiting, standard.WithWaiting(100).Sample)); // 16 clients' first tickets, then 84
        Assert.Equal((17, 1), (standard.WithWaiting(1).Waiting, standard.WithWaiting(1).Sample));
        Assert.All(new[] { 1, 16, 17, 500, 10_000 }.Select(standard.WithWaiting), o => Assert.True(o.Waiting >= o.Clients + o.Sample));
    }
}

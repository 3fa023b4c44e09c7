using Queue.LoadTests.Cli;

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
    public void OnlyLoopbackMayBeALoadTarget() =>
        Assert.Throws<ArgumentException>(() => CliOptions.Parse(["--url", "http://example.com"]));

    [Fact]
    public async Task AskingForTheWatchersScenarioSaysItIsNotAvailableYet()
    {
        using var output = new StringWriter();

        var exit = await new SuiteRunner(CliOptions.Parse(["--scenarios", "watchers", "--no-progress"]), output).RunAsync(CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("'watchers' scenario is not available yet", output.ToString(), StringComparison.Ordinal);
    }
}

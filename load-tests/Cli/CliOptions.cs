using System.Globalization;

namespace Queue.LoadTests.Cli;

/// <summary>The command line: <c>[--url U] [--suite standard|smoke] [--out DIR] [--halls a,b] [--scenarios …] [--baselines child|inprocess] [--watchers N] [--no-progress]</c>.</summary>
public sealed record CliOptions
{
    public Uri Url { get; init; } = new("http://127.0.0.1:5080/");

    public string Suite { get; init; } = "standard";

    public string? Out { get; init; }

    public IReadOnlyList<string> Halls { get; init; } = ["binjiang"];

    /// <summary>Null: every scenario of the suite that can run.</summary>
    public IReadOnlyList<string>? Scenarios { get; init; }

    public bool ChildBaselines { get; init; } = true;

    public int? Watchers { get; init; }

    public bool Progress { get; init; } = true;

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--url" => options with { Url = Http.LoopbackOnly.Require(new Uri(Value().TrimEnd('/') + "/")) },
                "--suite" => options with { Suite = Value() is "standard" or "smoke" ? args[i] : throw new ArgumentException("--suite is standard or smoke.") },
                "--out" => options with { Out = Value() },
                "--halls" => options with { Halls = List(Value()) },
                "--scenarios" => options with { Scenarios = List(Value()) },
                "--baselines" => options with { ChildBaselines = Value() is "child" ? true : args[i] is "inprocess" ? false : throw new ArgumentException("--baselines is child or inprocess.") },
                "--watchers" => options with { Watchers = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--no-progress" => options with { Progress = false },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    public string OutFolder(DateTimeOffset started) =>
        Out ?? Path.Combine("results", started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

    private static IReadOnlyList<string> List(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

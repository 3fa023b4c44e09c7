using System.Globalization;

namespace Queue.LoadTests.Cli;

/// <summary>
/// The command line: <c>[--url U] [--suite standard|smoke] [--out DIR] [--hall-count N | --halls a,b] [--scenarios …]
/// [--baselines child|inprocess] [--watchers N] [--no-progress]</c>. Without --url the tool starts the product itself.
/// </summary>
public sealed record CliOptions
{
    /// <summary>A product already running; null: the tool starts one (Release build output, fresh SQLite file, free ports).</summary>
    public Uri? Url { get; init; }

    public string Suite { get; init; } = "standard";

    public string? Out { get; init; }

    /// <summary>Existing halls to use; null: the demo hall and copies of it, <see cref="HallCount"/> in all.</summary>
    public IReadOnlyList<string>? Halls { get; init; }

    /// <summary>How many halls to use (created as copies of the demo hall); null: the suite's count.</summary>
    public int? HallCount { get; init; }

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
                "--hall-count" => options with { HallCount = Positive(Value(), name) },
                "--scenarios" => options with { Scenarios = List(Value()) },
                "--baselines" => options with { ChildBaselines = Value() is "child" ? true : args[i] is "inprocess" ? false : throw new ArgumentException("--baselines is child or inprocess.") },
                "--watchers" => options with { Watchers = Positive(Value(), name) },
                "--no-progress" => options with { Progress = false },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    public string OutFolder(DateTimeOffset started) =>
        Out ?? Path.Combine("results", started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

    private static int Positive(string value, string name) =>
        int.Parse(value, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{name} must be at least 1.");

    private static IReadOnlyList<string> List(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

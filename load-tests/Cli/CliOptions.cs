using System.Globalization;

namespace Queue.LoadTests.Cli;

/// <summary>
/// The command line: <c>[--url U [--user NAME] [--password P]] [--suite standard|smoke] [--out DIR] [--hall-count N | --halls a,b]
/// [--scenarios …|all] [--baselines child|inprocess] [--watchers N] [--big-watchers N] [--deep-line N] [--soak-minutes M]
/// [--soak-rate N] [--soak-close-every S] [--no-progress]</c>. Without --url the tool starts the product
/// itself (and signs in with the password it gave it); with --url it signs in as --user (default admin) with --password,
/// or else the password in the environment variable QUEUE_ADMIN_PASSWORD (which, unlike an argument, other users of the
/// machine cannot read from the process list).
/// </summary>
public sealed record CliOptions
{
    /// <summary>A product already running; null: the tool starts one (Release build output, fresh SQLite file, free ports).</summary>
    public Uri? Url { get; init; }

    /// <summary>The account the tool signs in as at --url: an administrator, so that no rate limit applies and every hall is open.</summary>
    public string User { get; init; } = Product.ProductSignIn.Administrator;

    /// <summary>Its password at --url (--password, else QUEUE_ADMIN_PASSWORD); unused when the tool starts the product.</summary>
    public string? Password { get; init; }

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

    /// <summary>watchers-20k's count (--big-watchers); null: the suite's (standard 20,000).</summary>
    public int? BigWatchers { get; init; }

    /// <summary>issue-deep-line's waiting tickets (--deep-line); null: the suite's (standard 10,000).</summary>
    public int? DeepLineWaiting { get; init; }

    /// <summary>The soak's length in minutes (--soak-minutes, decimals allowed).</summary>
    public double SoakMinutes { get; init; } = 30;

    /// <summary>The soak's tickets a second (--soak-rate); null: half the kiosk-surge-max rate measured in the same run.</summary>
    public int? SoakRate { get; init; }

    /// <summary>Every hall closes its day this often in the soak (--soak-close-every SECONDS, 0 never); null: every minute.</summary>
    public TimeSpan? SoakCloseEvery { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Reads <paramref name="args"/>; <paramref name="environment"/> (default: this process's) supplies QUEUE_ADMIN_PASSWORD.</summary>
    public static CliOptions Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        var password = (environment ?? Environment.GetEnvironmentVariable)(Product.ProductSignIn.PasswordVariable);
        var options = new CliOptions { Password = string.IsNullOrEmpty(password) ? null : password };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--url" => options with { Url = Http.LoopbackOnly.Require(new Uri(Value().TrimEnd('/') + "/")) },
                "--user" => options with { User = Value() },
                "--password" => options with { Password = Value() },
                "--suite" => options with { Suite = Value() is "standard" or "smoke" ? args[i] : throw new ArgumentException("--suite is standard or smoke.") },
                "--out" => options with { Out = Value() },
                "--halls" => options with { Halls = List(Value()) },
                "--hall-count" => options with { HallCount = Positive(Value(), name) },
                "--scenarios" => options with { Scenarios = List(Value()) },
                "--baselines" => options with { ChildBaselines = Value() is "child" ? true : args[i] is "inprocess" ? false : throw new ArgumentException("--baselines is child or inprocess.") },
                "--watchers" => options with { Watchers = Positive(Value(), name) },
                "--no-progress" => options with { Progress = false },
                "--big-watchers" => options with { BigWatchers = Positive(Value(), name) },
                "--deep-line" => options with { DeepLineWaiting = Positive(Value(), name) },
                "--soak-minutes" => options with { SoakMinutes = PositiveNumber(Value(), name) },
                "--soak-rate" => options with { SoakRate = Positive(Value(), name) },
                "--soak-close-every" => options with { SoakCloseEvery = Seconds(Value(), name) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    public string OutFolder(DateTimeOffset started) =>
        Out ?? Path.Combine("results", started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

    private static int Positive(string value, string name) =>
        int.Parse(value, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{name} must be at least 1.");

    private static double PositiveNumber(string value, string name) =>
        double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) is var n and > 0 && double.IsFinite(n) ? n : throw new ArgumentException($"{name} must be more than 0.");

    private static TimeSpan? Seconds(string value, string name) =>
        int.Parse(value, CultureInfo.InvariantCulture) switch
        {
            0 => null,
            > 0 and var s => TimeSpan.FromSeconds(s),
            _ => throw new ArgumentException($"{name} is 0 (never) or a number of seconds."),
        };

    private static IReadOnlyList<string> List(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

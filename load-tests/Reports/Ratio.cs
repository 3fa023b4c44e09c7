namespace Queue.LoadTests.Reports;

/// <summary>
/// Ours ÷ the baseline measured in the same run. <see cref="Value"/> is null when it could not be measured,
/// and <see cref="Note"/> says why. <see cref="Met"/> checks <see cref="Goal"/> (see <see cref="Reports.Goal"/>);
/// <see cref="IsGoal"/> marks the rows of the goals table (issue 15's goals), the rest are for information.
/// </summary>
public sealed record Ratio(string Name, double? Ours, double? Baseline, string Unit, string Goal, string Note)
{
    public double? Value => Ours is { } o && Baseline is { } b && b > 0 ? o / b : null;

    /// <summary>Whether the goal is met; null when the goal is informational or the figure was not measured.</summary>
    public bool? Met => Reports.Goal.Parse(Goal) is { } goal && (goal.OnMeasured ? Ours : Value) is { } measured ? goal.IsMet(measured) : null;

    /// <summary>One of the run's goals: shown again in the goals table (goal | measured | ratio | met?).</summary>
    public bool IsGoal { get; init; }

    public static Ratio Unavailable(string name, string unit, string goal, string why) => new(name, null, null, unit, goal, why);
}

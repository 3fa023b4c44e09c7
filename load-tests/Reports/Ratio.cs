namespace Queue.LoadTests.Reports;

/// <summary>
/// Ours ÷ the baseline measured in the same run. <see cref="Value"/> is null when it could not be measured,
/// and <see cref="Note"/> says why.
/// </summary>
public sealed record Ratio(string Name, double? Ours, double? Baseline, string Unit, string Goal, string Note)
{
    public double? Value => Ours is { } o && Baseline is { } b && b > 0 ? o / b : null;

    public static Ratio Unavailable(string name, string unit, string goal, string why) => new(name, null, null, unit, goal, why);
}

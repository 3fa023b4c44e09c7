using System.Globalization;

namespace Queue.LoadTests.Reports;

/// <summary>
/// A goal as the reports write it, read back so it can be checked: <c>≥ 0.10</c>, <c>≤ 1.2</c> apply to the ratio;
/// <c>&lt; 50 ms</c>, <c>0 errors</c> (a unit after the number) apply to the measured value itself; a goal in
/// parentheses, <c>(≤ 1.2)</c>, is for information and is not checked. No operator means "=".
/// </summary>
public sealed record Goal(string Operator, double Limit, bool OnMeasured)
{
    private static readonly string[] Operators = ["≥", ">=", "≤", "<=", "<", ">", "="];

    /// <summary>The goal in <paramref name="text"/>; null when it is informational or not a comparison.</summary>
    public static Goal? Parse(string? text)
    {
        var goal = text?.Trim() ?? "";
        if (goal.Length == 0 || goal.StartsWith('('))
        {
            return null;
        }

        var op = Operators.FirstOrDefault(o => goal.StartsWith(o, StringComparison.Ordinal));
        var rest = goal[(op?.Length ?? 0)..].TrimStart();
        var raw = new string([.. rest.TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or ',')]);
        if (!double.TryParse(raw.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var limit))
        {
            return null;
        }

        var unit = rest[raw.Length..].Trim();
        return new Goal(Normal(op ?? "="), limit, unit.Length > 0);
    }

    public bool IsMet(double value) => Operator switch
    {
        "≥" => value >= Limit,
        "≤" => value <= Limit,
        "<" => value < Limit,
        ">" => value > Limit,
        _ => value == Limit,
    };

    private static string Normal(string op) => op switch
    {
        ">=" => "≥",
        "<=" => "≤",
        _ => op,
    };
}

namespace Queue.Domain.Analytics;

/// <summary>
/// A tidal-window plan: the intervals planned (ascending), each flexible window's theme per interval, required vs.
/// scheduled windows per theme and interval (themes in order of first appearance, then by interval), and totals.
/// Shortfall is counted in window-intervals (one missing window for one 30-minute interval is 1).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TidalPlan(
    [property: Id(0)] IReadOnlyList<int> Intervals,
    [property: Id(1)] IReadOnlyList<WindowPlan> Windows,
    [property: Id(2)] IReadOnlyList<ThemeCoverage> Coverage)
{
    public int TotalShortfall => Coverage.Sum(c => c.Shortfall);

    public int Switches => Windows.Sum(w => w.Switches);

    public int ShortfallOf(string theme) => Coverage.Where(c => c.Theme == theme).Sum(c => c.Shortfall);

    public ThemeCoverage? Find(string theme, int intervalIndex) =>
        Coverage.FirstOrDefault(c => c.Theme == theme && c.IntervalIndex == intervalIndex);

    public string? ThemeOf(int windowNo, int intervalIndex)
    {
        var position = Intervals.ToList().IndexOf(intervalIndex);
        var window = Windows.FirstOrDefault(w => w.WindowNo == windowNo);
        return position < 0 || window is null ? null : window.Themes[position];
    }
}

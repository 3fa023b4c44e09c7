namespace Queue.Domain.Analytics;

/// <summary>
/// Assigns a hall's flexible windows to themes interval by interval: fewest missing windows first, fewest switches second.
/// <para>Each interval is one min-cost max-flow: source → flexible window (capacity 1) → a theme it can serve → sink, a
/// theme's capacity being its need beyond its dedicated windows. The maximum flow covers as much need as any assignment
/// can, so total shortfall is minimal. Among those assignments the cost picks, in this order: (1) fewest switches — taking
/// up a theme other than the last one the window served; (2) continuity — keep the previous interval's theme, then resume
/// the last theme after a spare spell, then open a window not used yet; (3) the least flexible window, keeping the
/// versatile ones free for later. A window nobody needs is spare (null), so a theme's extra window arrives in the interval
/// its demand does and not before, and when the requirement does not change, the plan does not either.</para>
/// <para>Greedy over time: shortfall is optimal; switches are minimal per interval given the past, not always over the day.
/// Deterministic: inputs are taken in the order given and ties fall the same way.</para>
/// </summary>
public static class TidalPlanner
{
    public static TidalPlan Plan(
        IEnumerable<WindowRequirement> required,
        IReadOnlyDictionary<string, int> dedicated,
        IReadOnlyList<FlexibleWindow> flexible)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(dedicated);
        ArgumentNullException.ThrowIfNull(flexible);
        var requirements = required.ToList();
        if (requirements.Any(r => r.Windows < 0) || dedicated.Values.Any(d => d < 0))
        {
            throw new ArgumentException("Window counts cannot be negative.", nameof(required));
        }

        if (flexible.Select(w => w.WindowNo).Distinct().Count() != flexible.Count)
        {
            throw new ArgumentException("Flexible windows must have distinct numbers.", nameof(flexible));
        }

        var themes = requirements.Select(r => r.Theme).Distinct().ToList();
        var intervals = requirements.Select(r => r.IntervalIndex).Distinct().Order().ToList();
        var need = requirements
            .GroupBy(r => (r.Theme, r.IntervalIndex))
            .ToDictionary(g => g.Key, g => g.Max(r => r.Windows));

        var assigned = flexible.Select(_ => new string?[intervals.Count]).ToArray();
        var last = new string?[flexible.Count];
        var switches = new int[flexible.Count];
        var coverage = new List<ThemeCoverage>();
        for (var i = 0; i < intervals.Count; i++)
        {
            var beyondDedicated = themes.Select(t =>
                Math.Max(0, need.GetValueOrDefault((t, intervals[i])) - dedicated.GetValueOrDefault(t))).ToList();
            var previous = assigned.Select(a => i == 0 ? null : a[i - 1]).ToList();
            var choice = AssignInterval(themes, beyondDedicated, flexible, previous, last);
            for (var w = 0; w < flexible.Count; w++)
            {
                assigned[w][i] = choice[w];
                if (choice[w] is { } theme)
                {
                    switches[w] += last[w] is not null && last[w] != theme ? 1 : 0;
                    last[w] = theme;
                }
            }

            coverage.AddRange(themes.Select(t => new ThemeCoverage(
                t,
                intervals[i],
                need.GetValueOrDefault((t, intervals[i])),
                dedicated.GetValueOrDefault(t),
                choice.Count(c => c == t))));
        }

        var windows = flexible.Select((w, k) => new WindowPlan(w.WindowNo, assigned[k], switches[k])).ToList();
        var ordered = coverage.OrderBy(c => themes.IndexOf(c.Theme)).ThenBy(c => c.IntervalIndex).ToList();
        return new TidalPlan(intervals, windows, ordered);
    }

    private static string?[] AssignInterval(
        List<string> themes,
        List<int> beyondDedicated,
        IReadOnlyList<FlexibleWindow> flexible,
        List<string?> previous,
        string?[] last)
    {
        // Node layout: 0 source, 1 sink, 2…W+1 windows, W+2… themes.
        var windowCount = flexible.Count;
        var continuityWeight = ((long)windowCount * (themes.Count + 1)) + 1;
        var switchWeight = (windowCount * 3 * continuityWeight) + 1;
        var graph = new MinCostFlow(2 + windowCount + themes.Count);
        var edges = new List<(int Window, string Theme, int Edge)>();
        for (var w = 0; w < windowCount; w++)
        {
            graph.AddEdge(0, 2 + w, 1, 0);
            var serves = flexible[w].Themes.Distinct().ToList();
            var flexibility = serves.Count(themes.Contains);
            foreach (var theme in serves)
            {
                var t = themes.IndexOf(theme);
                if (t < 0 || beyondDedicated[t] == 0)
                {
                    continue;
                }

                var continuity = previous[w] == theme ? 0 : last[w] == theme ? 1 : last[w] is null ? 2 : 3;
                var cost = continuity == 3 ? switchWeight : (continuity * continuityWeight) + flexibility;
                edges.Add((w, theme, graph.AddEdge(2 + w, 2 + windowCount + t, 1, cost)));
            }
        }

        for (var t = 0; t < themes.Count; t++)
        {
            graph.AddEdge(2 + windowCount + t, 1, beyondDedicated[t], 0);
        }

        graph.Run(0, 1);
        var choice = new string?[windowCount];
        foreach (var (window, theme, edge) in edges.Where(e => graph.FlowOn(e.Edge) > 0))
        {
            choice[window] = theme;
        }

        return choice;
    }
}

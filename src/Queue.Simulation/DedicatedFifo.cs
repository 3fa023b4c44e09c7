using Queue.Contracts.Config;
using Queue.Contracts.Model;

namespace Queue.Simulation;

/// <summary>
/// The pre-reform hall (专窗, one line per theme) derived from a real one: the same windows, each dedicated to one theme,
/// none tidal. The rule: every theme with demand gets one window (in the hall's theme order, as long as windows last), then
/// each further window goes to the theme with the most offered load per window it already has (the D'Hondt rule over the
/// day's offered load λ × mean service); ties go to the earlier theme. Windows are handed out in the hall's window order,
/// theme by theme. Within a line the order is first-come first-served: tickets are issued without priority, so
/// <see cref="Queue.Domain.Routing"/> has one class and one theme and calls the longest-waiting ticket.
/// </summary>
public static class DedicatedFifo
{
    public static HallConfig Hall(HallDayScenario scenario)
    {
        var hall = scenario.Hall;
        var load = hall.Themes.Select(t => scenario.Demand.FirstOrDefault(d => d.ThemeCode == t.Code)?
            .OfferedWindowMinutes(scenario.OpensMinute, scenario.ClosesMinute) ?? 0).ToList();
        var count = new int[load.Count];
        for (var given = 0; given < hall.Windows.Length; given++)
        {
            var unserved = Enumerable.Range(0, load.Count).FirstOrDefault(t => load[t] > 0 && count[t] == 0, -1);
            var theme = unserved >= 0 ? unserved
                : Enumerable.Range(0, load.Count).OrderByDescending(t => load[t] / (count[t] + 1)).ThenBy(t => t).First();
            count[theme]++;
        }

        var themes = Enumerable.Range(0, load.Count).SelectMany(t => Enumerable.Repeat(hall.Themes[t].Code, count[t])).ToList();
        var windows = hall.Windows.Select((w, i) => w with { Profile = WindowProfile.Dedicated(themes[i]), Tidal = false });
        return hall with { Windows = [.. windows] };
    }

    /// <summary>How many windows each theme gets.</summary>
    public static IReadOnlyDictionary<string, int> WindowsPerTheme(HallDayScenario scenario) =>
        Hall(scenario).Windows.GroupBy(w => w.Profile.Themes[0]).ToDictionary(g => g.Key, g => g.Count());
}

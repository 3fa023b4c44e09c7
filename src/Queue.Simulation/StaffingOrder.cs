using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// In which order the staffing search opens a hall's windows in one interval (n open windows: the first n), each with the
/// profile it has then: a tidal window takes the theme the tidal advice plans for it first
/// (<see cref="TidalAdvisor.ProfileFor"/>), a fixed window keeps its configured profile.
/// <para>First the windows that let every theme with demand be served at all (<see cref="Covering"/> of them: the window
/// serving the most uncovered offered load first). Then, one at a time, the window that can serve the theme with the
/// highest offered load per window already given to it (a window counts for the theme it serves first; D'Hondt), so
/// windows that pool several themes come early; ties: the window whose first theme is that theme, then the more
/// themes it serves, then the lower number. Windows that serve no theme with demand come last.</para>
/// </summary>
public sealed record StaffingOrder(IReadOnlyList<(WindowConfig Window, WindowProfile Profile)> Windows, int Covering)
{
    public static StaffingOrder For(HallConfig hall, HallDayScenario scenario, TidalAdvice erlang, int interval)
    {
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(erlang);
        var codes = hall.ThemeCodes.ToList();
        var load = scenario.Demand.Where(d => d.RatePerMinute(interval) > 0)
            .ToDictionary(d => d.ThemeCode, d => d.RatePerMinute(interval) * d.Service.MeanMinutes);
        var candidates = hall.Windows.Select(w =>
        {
            var profile = w.Tidal ? TidalAdvisor.ProfileFor(w, erlang.ThemeOf(w.WindowNo, interval), codes) : w.Profile;
            var serves = profile.Resolve(codes).Where(load.ContainsKey).ToList();
            return (Window: w, Profile: profile, Serves: serves);
        }).ToList();

        var chosen = new List<(WindowConfig, WindowProfile)>();
        var given = load.Keys.ToDictionary(t => t, _ => 0);
        void Take((WindowConfig Window, WindowProfile Profile, List<string> Serves) c, string theme)
        {
            chosen.Add((c.Window, c.Profile));
            candidates.Remove(c);
            given[theme]++;
        }

        var uncovered = load.Keys.ToHashSet();
        while (uncovered.Count > 0)
        {
            var best = candidates.Where(c => c.Serves.Any(uncovered.Contains))
                .OrderByDescending(c => c.Serves.Where(uncovered.Contains).Sum(t => load[t])).ThenBy(c => c.Window.WindowNo).FirstOrDefault();
            if (best.Window is null)
            {
                break; // a theme no window serves
            }

            Take(best, best.Serves[0]);
            uncovered.ExceptWith(best.Serves);
        }

        var covering = chosen.Count;
        while (candidates.Any(c => c.Serves.Count > 0))
        {
            var best = candidates.Where(c => c.Serves.Count > 0)
                .Select(c => (Candidate: c, Theme: c.Serves.MaxBy(t => load[t] / (given[t] + 1))!))
                .OrderByDescending(x => load[x.Theme] / (given[x.Theme] + 1))
                .ThenByDescending(x => x.Candidate.Serves[0] == x.Theme)
                .ThenByDescending(x => x.Candidate.Serves.Count)
                .ThenBy(x => x.Candidate.Window.WindowNo)
                .First();
            Take(best.Candidate, best.Theme);
        }

        chosen.AddRange(candidates.OrderBy(c => c.Window.WindowNo).Select(c => (c.Window, c.Profile)));
        return new StaffingOrder(chosen, covering);
    }
}

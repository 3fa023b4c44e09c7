using System.Collections.Immutable;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.Simulation;

/// <summary>
/// The forward wait prediction: from a live hall, <see cref="Replications"/> short runs of the hall-day simulator (the
/// domain's own lines, routing and window rules, the applied tidal plan followed as the tidal plan grain follows it; no SLA
/// guardian moves, since in the product they are advice that staff may or may not act on) until every ticket waiting at
/// the start and one newcomer per theme has been called (at most <see cref="MaxFollowedPlaces"/> of each line). Per theme and place in the common line it gives the 10th, 50th
/// and 90th percentiles of the simulated wait (<see cref="ThemeWaitForecast"/>); <see cref="WaitPrediction.Predict"/>
/// turns them into the range the pages show. Windows stay as they are now (open ones open until closing with their live
/// profile, closed and paused ones so), except as the tidal plan switches them. Seeded and reproducible.
/// </summary>
public static class ForwardPrediction
{
    public const int Replications = 20;

    /// <summary>
    /// The places of a line a run follows: with the demo hall's twenty windows at ten minutes a citizen about 100 minutes
    /// of line, more than three times the 30-minute promise. Beyond them (and for a newcomer behind them) the wait is the
    /// last simulated place's plus the closed form's for the places between (<see cref="WaitPrediction.Predict"/>).
    /// </summary>
    public const int MaxFollowedPlaces = 200;

    /// <summary>The forecast per theme; empty when the hall is not open at <see cref="LiveHall.Now"/> (nothing to issue into).</summary>
    public static IReadOnlyDictionary<string, ThemeWaitForecast> Run(LiveHall live, int replications = Replications, int seed = 1)
    {
        var zone = BusinessClock.Zone(live.Hall.TimeZone);
        var local = TimeZoneInfo.ConvertTime(live.Now, zone);
        var scenario = new HallDayScenario(live.Hall, DateOnly.FromDateTime(local.DateTime), live.Demand) { Behaviour = live.Behaviour };
        var minute = local.TimeOfDay.TotalMinutes;
        scenario = scenario with { Staffing = AsNow(live, scenario, minute) };
        if (minute < scenario.OpensMinute || minute >= scenario.ClosesMinute)
        {
            return ImmutableDictionary<string, ThemeWaitForecast>.Empty;
        }

        var waits = live.Hall.Themes.ToDictionary(t => t.Code, _ => new List<double>[0]);
        var master = new Random(seed);
        for (var run = 0; run < replications; run++)
        {
            var random = new Random(master.Next());
            var day = HallDay.Forward(scenario, live, new DayTickets.DayDrawer(scenario, random), random);
            day.Simulate();
            foreach (var (theme, place, wait) in day.Followed())
            {
                var places = waits[theme];
                if (places.Length <= place)
                {
                    Array.Resize(ref places, place + 1);
                    waits[theme] = places;
                }

                (places[place] ??= []).Add(wait ?? scenario.ClosesMinute - minute); // never called: waited at least until the day closed
            }
        }

        return waits.ToDictionary(w => w.Key, w => Forecast(w.Key, live.Now, w.Value, replications));
    }

    /// <summary>The p-th percentile (0..1) of sorted values, interpolated.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var at = p * (sorted.Count - 1);
        var below = (int)Math.Floor(at);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((at - below) * (sorted[above] - sorted[below]));
    }

    private static ThemeWaitForecast Forecast(string theme, DateTimeOffset at, List<double>[] places, int replications)
    {
        var sorted = places.Select(p => (p ?? []).Order().ToList()).ToList();
        return new ThemeWaitForecast(
            theme,
            at,
            [.. sorted.Select(s => Math.Round(Percentile(s, 0.1), 2))],
            [.. sorted.Select(s => Math.Round(Percentile(s, 0.5), 2))],
            [.. sorted.Select(s => Math.Round(Percentile(s, 0.9), 2))],
            replications);
    }

    /// <summary>
    /// Each window stays as it is until closing: open ones (paused too) with their live profile, closed ones closed; with the
    /// hall calendar every window closes while its zone is closed (a lunch break), and one closed now because its zone is
    /// closed opens again with its configured profile when the zone reopens.
    /// </summary>
    private static StaffingPlan AsNow(LiveHall live, HallDayScenario scenario, double minute)
    {
        var plan = new StaffingPlan();
        var now = HallDay.IntervalOf(minute);
        var intervals = Enumerable.Range(now, Math.Max(1, HallDay.IntervalOf(scenario.ClosesMinute) - now + 1)).Where(i => i < Queue.Domain.Analytics.AnalyticsInterval.PerDay).ToArray();
        foreach (var window in live.Hall.Windows)
        {
            var snapshot = live.Windows.FirstOrDefault(w => w.WindowNo == window.WindowNo);
            var closedNow = snapshot is null || snapshot.State == WindowState.Closed;
            var zoneClosedNow = scenario.Calendar.HasCalendar && !scenario.ZoneOpen(window.ZoneId, now);
            foreach (var interval in intervals)
            {
                if (scenario.Calendar.HasCalendar && !scenario.ZoneOpen(window.ZoneId, interval))
                {
                    plan.Close(window.WindowNo, interval);
                }
                else if (!closedNow)
                {
                    plan.Open(window.WindowNo, snapshot!.Profile, interval);
                }
                else if (zoneClosedNow && interval > now)
                {
                    plan.Open(window.WindowNo, window.Profile, interval);
                }
                else
                {
                    plan.Close(window.WindowNo, interval);
                }
            }
        }

        return plan;
    }
}

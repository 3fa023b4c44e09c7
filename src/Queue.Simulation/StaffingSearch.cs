using System.Collections.Immutable;
using Queue.Contracts.Config;
using Queue.Contracts.Snapshots;
using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// Simulation-checked staffing that counts pooling (仿真核定窗口数). Erlang C staffs each theme as if it queued alone;
/// in a hall whose comprehensive and ordered windows serve several themes that overstates the need. The search starts
/// from the tidal advice's Erlang C windows per interval (<see cref="TidalAdvisor.Plan"/>: no second Erlang C), opens that
/// many of the hall's real windows (<see cref="StaffingOrder"/>: tidal windows switch as the advice plans, fixed ones keep
/// their profiles), simulates the hall with Queue's routing and the tidal plan followed, on the same citizens for every
/// plan (common random numbers), and adjusts each interval in both directions, as the iterative staffing algorithm does
/// (Feldman, Mandelbaum, Massey &amp; Whitt 2008):
/// <list type="bullet">
/// <item>an interval whose tickets fall below the goal gets a window (half of those it lacks when it is below half the
/// goal), and the one before it gets one too (a queue lags behind its surge), unless one of them just lost windows: then
/// that cut is undone and the interval keeps at least one window more than the cut left (a bisection between a plan that
/// failed and one that held);</item>
/// <item>an interval that meets the goal, and whose next interval does too, gives up half of its windows above the
/// lowest it may have;</item>
/// </list>
/// The lowest: enough windows for every theme with demand to be served, and never fewer than the interval's offered load
/// (the windows its arrivals keep busy). Without that floor a plan could let the line grow through a half hour and clear
/// it with many windows at the next one: every citizen would wait nearly 30 minutes and still count as within target.
/// until nothing changes or <see cref="StaffingSearchOptions.MaxIterations"/> plans are tried. The answer is the plan
/// with the fewest window-hours among those where every interval meets the goal or has every window open. Deterministic:
/// the same scenario, advice and options give the same answer.
/// </summary>
public static class StaffingSearch
{
    /// <summary>
    /// The day the advice was planned for, as a scenario: each theme's forecast arrivals per interval (the advice's
    /// coverage), lognormal service with the day's mean handle time and <paramref name="serviceCv"/>; citizens all show up and wait.
    /// </summary>
    public static HallDayScenario Scenario(HallConfig hall, TidalAdvice advice, double serviceCv = 0.8)
    {
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(advice);
        var demand = hall.Themes.Select(theme =>
        {
            var perInterval = new double[AnalyticsInterval.PerDay];
            var (arrivals, work) = (0.0, 0.0);
            foreach (var c in advice.Coverage.Where(c => c.Theme == theme.Code && c.Interval is >= 0 and < AnalyticsInterval.PerDay))
            {
                perInterval[c.Interval] = c.ArrivalsPerHour * AnalyticsInterval.Minutes / 60;
                arrivals += perInterval[c.Interval];
                work += perInterval[c.Interval] * c.AverageServiceMinutes;
            }

            var mean = arrivals > 0 && work > 0 ? work / arrivals : theme.ExpectedServiceMinutes;
            return new ThemeDemand(theme.Code, perInterval, ServiceTimeModel.Lognormal(mean, serviceCv));
        }).ToList();
        return new HallDayScenario(hall, advice.Date, demand);
    }

    public static StaffingSearchResult Run(HallDayScenario scenario, TidalAdvice erlang, StaffingSearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(erlang);
        options ??= StaffingSearchOptions.Default;
        if (options.Goal is <= 0 or >= 1 || options.Replications < 1 || options.MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options, "The goal is a share in (0, 1); replications and iterations at least 1.");
        }

        var hall = scenario.Hall;
        var all = hall.Windows.Length;
        var longestTarget = hall.Themes.Select(t => t.TargetMinutes).DefaultIfEmpty(StaffingRequirement.DefaultTargetMinutes).Max();
        if (scenario.ServeAfterClosing < TimeSpan.FromMinutes(longestTarget))
        {
            // The last half hour's citizens are judged too: windows serve on after closing until their targets have passed.
            scenario = scenario with { ServeAfterClosing = TimeSpan.FromMinutes(longestTarget) };
        }

        // The half hours the hall is open on the scenario's date (the hall calendar: lunch breaks, zones; a closed day has none).
        var openToday = scenario.Calendar.HallOpenIntervals(scenario.Date).ToHashSet();
        var intervals = erlang.Intervals.Where(openToday.Contains).Order().ToArray();
        var order = intervals.ToDictionary(i => i, i => StaffingOrder.For(hall, scenario, erlang, i));
        var erlangC = intervals.ToDictionary(i => i, i => erlang.Coverage.Where(c => c.Interval == i).Sum(c => c.Required));
        var load = intervals.ToDictionary(i => i, i => scenario.Demand.Sum(d => d.RatePerMinute(i) * d.Service.MeanMinutes));
        var floor = intervals.ToDictionary(i => i, i => Math.Min(all, Math.Max(Math.Max(1, order[i].Covering), (int)Math.Ceiling(load[i] - 1e-9))));
        var open = intervals.ToDictionary(i => i, i => Math.Clamp(erlangC[i], floor[i], all));
        var cut = intervals.ToDictionary(i => i, _ => 0);
        var days = Enumerable.Range(0, options.Replications).Select(r => DayTickets.Draw(scenario, options.Seed + r)).ToList();

        Trial? best = null;
        Trial? last = null;
        var stable = false;
        var iterations = 0;
        while (iterations < options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            last = Evaluate(scenario, erlang, options, days, intervals, order, open, cancellationToken);
            var failing = intervals.Where(i => last.Share[i] < options.Goal).ToHashSet();
            if (intervals.All(i => !failing.Contains(i) || open[i] == all) && (best is null || last.Slots < best.Slots))
            {
                best = last;
            }

            var next = new Dictionary<int, int>(open);
            var nextCut = intervals.ToDictionary(i => i, _ => 0);
            foreach (var i in failing)
            {
                var before = Array.IndexOf(intervals, i) is > 0 and var k ? intervals[k - 1] : (int?)null;
                var undone = false;
                foreach (var j in new[] { i, before }.OfType<int>().Where(j => cut[j] > 0))
                {
                    floor[j] = Math.Max(floor[j], open[j] + 1);
                    next[j] = Math.Max(next[j], open[j] + cut[j]);
                    undone = true;
                }

                if (!undone)
                {
                    // Far below the goal, the interval takes half the windows it lacks at once (it may give some back
                    // later, down to one more than failed); the interval before takes one, and keeps it.
                    var jump = last.Share[i] < options.Goal / 2 ? Math.Max(1, (all - open[i] + 1) / 2) : 1;
                    next[i] = Math.Min(all, Math.Max(next[i], open[i] + jump));
                    floor[i] = Math.Max(floor[i], Math.Min(all, open[i] + 1));
                    if (before is { } j)
                    {
                        next[j] = Math.Min(all, Math.Max(next[j], open[j] + 1));
                        floor[j] = Math.Max(floor[j], next[j]);
                    }
                }
            }

            for (var k = 0; k < intervals.Length; k++)
            {
                var i = intervals[k];
                if (failing.Contains(i) || (k + 1 < intervals.Length && failing.Contains(intervals[k + 1])) || next[i] != open[i] || open[i] <= floor[i])
                {
                    continue;
                }

                var step = Math.Max(1, (open[i] - floor[i] + 1) / 2);
                next[i] = open[i] - step;
                nextCut[i] = step;
            }

            if (intervals.All(i => next[i] == open[i]))
            {
                stable = true;
                break;
            }

            (open, cut) = (next, nextCut);
        }

        var chosen = best ?? last!;
        return Result(scenario, options, intervals, erlangC, chosen, all, iterations, stable);
    }

    private static Trial Evaluate(
        HallDayScenario scenario, TidalAdvice erlang, StaffingSearchOptions options, List<IReadOnlyList<CitizenDraw>> days, int[] intervals,
        Dictionary<int, StaffingOrder> order, Dictionary<int, int> open, CancellationToken cancellationToken)
    {
        var plan = new StaffingPlan();
        foreach (var i in intervals)
        {
            foreach (var (window, profile) in order[i].Windows.Take(open[i]))
            {
                plan.Open(window.WindowNo, profile, i);
            }

            foreach (var (window, _) in order[i].Windows.Skip(open[i]))
            {
                plan.Close(window.WindowNo, i);
            }
        }

        var staffed = scenario with { Staffing = plan };
        var targets = scenario.Hall.Themes.ToDictionary(t => t.Code, t => t.TargetMinutes);
        var met = intervals.ToDictionary(i => i, _ => 0);
        var judged = intervals.ToDictionary(i => i, _ => 0);
        foreach (var draws in days)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var day = new HallDay(staffed, SimulationPolicy.QueueRoutingWithGuardianAndTidal, draws, erlang, options.GuardianActs).Run();
            foreach (var ticket in day.Tickets)
            {
                var interval = (int)(ticket.IssuedMinute / AnalyticsInterval.Minutes);
                if (judged.ContainsKey(interval) && ticket.WithinTarget(targets.GetValueOrDefault(ticket.ThemeCode, StaffingRequirement.DefaultTargetMinutes)) is { } within)
                {
                    judged[interval]++;
                    met[interval] += within ? 1 : 0;
                }
            }
        }

        return new Trial(
            plan,
            new Dictionary<int, int>(open),
            intervals.ToDictionary(i => i, i => judged[i] == 0 ? 1 : (double)met[i] / judged[i]),
            judged.Values.Sum() == 0 ? 1 : (double)met.Values.Sum() / judged.Values.Sum(),
            intervals.Sum(i => open[i]),
            order);
    }

    private static StaffingSearchResult Result(
        HallDayScenario scenario, StaffingSearchOptions options, int[] intervals, Dictionary<int, int> erlangC, Trial chosen, int all, int iterations, bool stable)
    {
        var hours = AnalyticsInterval.Minutes / 60.0;
        var rows = intervals.Select(i => new StaffingCheckInterval(
            i, erlangC[i], chosen.Open[i], Math.Round(chosen.Share[i], 4),
            chosen.Share[i] < options.Goal && chosen.Open[i] == all ? Math.Max(1, PooledNeed(scenario, i, options.Goal) - all) : 0)).ToImmutableArray();
        var check = new StaffingCheck(
            options.Goal,
            rows,
            Math.Round(chosen.DayShare, 4),
            intervals.Sum(i => erlangC[i]) * hours,
            chosen.Slots * hours,
            rows.Sum(r => r.Shortfall),
            rows.All(r => r.ShareWithinTarget >= options.Goal),
            options.Replications,
            options.Seed,
            iterations,
            stable);
        return new StaffingSearchResult(
            check, chosen.Plan, intervals.ToDictionary(i => i, i => (IReadOnlyList<int>)[.. chosen.Order[i].Windows.Take(chosen.Open[i]).Select(w => w.Window.WindowNo)]));
    }

    /// <summary>
    /// Windows the interval would need if every window served every theme (one Erlang C queue for the hall's whole
    /// demand, <see cref="ErlangC.MinimumWindows"/>): the estimate of the shortfall where even every window misses the goal.
    /// </summary>
    private static int PooledNeed(HallDayScenario scenario, int interval, double goal)
    {
        var rate = scenario.Demand.Sum(d => d.RatePerMinute(interval));
        if (rate <= 0)
        {
            return 0;
        }

        var handle = scenario.Demand.Sum(d => d.RatePerMinute(interval) * d.Service.MeanMinutes) / rate;
        var target = scenario.Demand.Where(d => d.RatePerMinute(interval) > 0)
            .Min(d => scenario.Hall.FindTheme(d.ThemeCode)?.TargetMinutes ?? StaffingRequirement.DefaultTargetMinutes);
        return ErlangC.MinimumWindows(rate, handle, target, goal, StaffingOptions.Default.OccupancyCap);
    }

    private sealed record Trial(
        StaffingPlan Plan, Dictionary<int, int> Open, Dictionary<int, double> Share, double DayShare, int Slots, Dictionary<int, StaffingOrder> Order);
}

/// <summary>
/// What the staffing search found: the check as the advice stores it, the plan that achieved it, and the windows open in
/// each interval (in the order they are opened).
/// </summary>
public sealed record StaffingSearchResult(StaffingCheck Check, StaffingPlan Plan, IReadOnlyDictionary<int, IReadOnlyList<int>> OpenWindows);

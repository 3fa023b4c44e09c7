using Queue.Contracts.Snapshots;

namespace Queue.Simulation;

/// <summary>
/// The hall-day simulator (推演): runs a <see cref="HallDayScenario"/> under a <see cref="SimulationPolicy"/> on a virtual
/// clock, driving the same domain rules the grains run. Seeded and reproducible: a seed fixes the day's draws
/// (<see cref="DayTickets"/>), and every policy run with that seed sees the same citizens.
/// </summary>
public static class HallDaySimulator
{
    public static DayResult Run(HallDayScenario scenario, SimulationPolicy policy, int seed) =>
        Run(scenario, policy, DayTickets.Draw(scenario, seed));

    /// <summary>
    /// Runs the day on draws already made (to run several policies on the same citizens). The tidal policy follows
    /// <paramref name="tidalPlan"/> when given (it depends on the scenario only: plan once, run many days), else plans the day itself.
    /// </summary>
    public static DayResult Run(HallDayScenario scenario, SimulationPolicy policy, IReadOnlyList<CitizenDraw> draws, TidalAdvice? tidalPlan = null) =>
        new HallDay(scenario, policy, draws, tidalPlan).Run();

    /// <summary>
    /// The tidal plan the tidal policy follows: the scenario's own (<see cref="HallDayScenario.TidalAdvice"/>), else
    /// <see cref="Queue.Domain.Analytics.TidalAdvisor.Plan"/> over the scenario's rates.
    /// </summary>
    public static TidalAdvice TidalPlan(HallDayScenario scenario) => scenario.TidalAdvice ?? HallDay.TidalPlan(scenario);


    /// <summary>Runs the day under Queue routing, reading the live hall (as the hall grain gathers it) before every <paramref name="every"/>-th issue; returns the tickets.</summary>
    public static int Observe(HallDayScenario scenario, IReadOnlyList<CitizenDraw> draws, int every, List<LiveHall> moments)
    {
        var day = new HallDay(scenario, SimulationPolicy.QueueRouting, draws);
        day.BeforeIssue = index =>
        {
            if (index % every == 0)
            {
                moments.Add(day.Live());
            }
        };
        day.Run();
        return draws.Count;
    }
}

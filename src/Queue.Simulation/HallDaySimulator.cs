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

    /// <summary>Runs the day on draws already made (to run several policies on the same citizens).</summary>
    public static DayResult Run(HallDayScenario scenario, SimulationPolicy policy, IReadOnlyList<CitizenDraw> draws) =>
        new HallDay(scenario, policy, draws).Run();
}

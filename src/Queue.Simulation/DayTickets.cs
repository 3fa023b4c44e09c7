using Queue.Contracts.Model;

namespace Queue.Simulation;

/// <summary>
/// A citizen's ticket for one simulated day, drawn before any policy runs (common random numbers): the arrival, the
/// priority class, the service time, whether the citizen answers the call, and the patience. Every policy sees these
/// same draws.
/// </summary>
public sealed record CitizenDraw(string ThemeCode, double Minute, PriorityClass Priority, double ServiceMinutes, bool Absent, double PatienceMinutes);

/// <summary>The day's draws from three seeded streams (arrivals, service times, behaviour), one <see cref="Random"/> each.</summary>
public static class DayTickets
{
    public static IReadOnlyList<CitizenDraw> Draw(HallDayScenario scenario, int seed) => Draw(scenario, new Random(seed), scenario.OpensMinute);

    /// <summary>The draws of the arrivals from <paramref name="fromMinute"/> to closing (the forward prediction starts mid-day).</summary>
    internal static IReadOnlyList<CitizenDraw> Draw(HallDayScenario scenario, Random master, double fromMinute)
    {
        var (arrivalStream, serviceStream, behaviourStream) = (new Random(master.Next()), new Random(master.Next()), new Random(master.Next()));
        var behaviour = scenario.Behaviour;
        var arrivals = scenario.Arrivals.Arrivals(fromMinute, scenario.ClosesMinute, arrivalStream);
        var draws = new List<CitizenDraw>(arrivals.Count);
        foreach (var arrival in arrivals)
        {
            var service = scenario.ServiceOf(arrival.ThemeCode).Sample(serviceStream);
            var kind = behaviourStream.NextDouble();
            var priority = kind < behaviour.GreenChannelShare ? PriorityClass.GreenChannel
                : kind < behaviour.GreenChannelShare + behaviour.AppointmentShare ? PriorityClass.Appointment
                : PriorityClass.Normal;
            var absent = behaviourStream.NextDouble() < behaviour.NoShowShare;
            var patience = -Math.Log(1 - behaviourStream.NextDouble()) * (behaviour.MeanPatienceMinutes ?? double.PositiveInfinity);
            draws.Add(new CitizenDraw(arrival.ThemeCode, arrival.Minute, priority, service, absent, double.IsNaN(patience) ? double.PositiveInfinity : patience));
        }

        return draws;
    }
}

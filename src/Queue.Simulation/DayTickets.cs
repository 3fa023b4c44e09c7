using Queue.Contracts.Model;

namespace Queue.Simulation;

/// <summary>
/// A citizen's ticket for one simulated day, drawn before any policy runs (common random numbers): the arrival, the
/// priority class, the service time, whether the citizen answers the call, and the patience; and what follows the first
/// service: a transfer to <see cref="TransferTo"/> or a hold of <see cref="HoldMinutes"/> (both rare, see
/// <see cref="CitizenBehaviour"/>), with the second service's minutes. Every policy sees these same draws.
/// </summary>
public sealed record CitizenDraw(
    string ThemeCode,
    double Minute,
    PriorityClass Priority,
    double ServiceMinutes,
    bool Absent,
    double PatienceMinutes,
    string? TransferTo = null,
    double? HoldMinutes = null,
    double SecondServiceMinutes = 0);

/// <summary>
/// The day's draws from four seeded streams (arrivals, service times, behaviour, and what follows the first service),
/// one <see cref="Random"/> each. The fourth stream is drawn for every citizen whatever the shares, so that a what-if on
/// transfers or holds keeps every other draw of the day.
/// </summary>
public static class DayTickets
{
    public static IReadOnlyList<CitizenDraw> Draw(HallDayScenario scenario, int seed) => Draw(scenario, new Random(seed), scenario.OpensMinute);

    /// <summary>The draws of the arrivals from <paramref name="fromMinute"/> to closing (the forward prediction starts mid-day).</summary>
    internal static IReadOnlyList<CitizenDraw> Draw(HallDayScenario scenario, Random master, double fromMinute)
    {
        var (arrivalStream, serviceStream, behaviourStream) = (new Random(master.Next()), new Random(master.Next()), new Random(master.Next()));
        var afterStream = new Random(master.Next());
        var behaviour = scenario.Behaviour;
        // Only while the product would issue the theme's ticket (the hall calendar: periods, lunch breaks, cut-offs).
        var arrivals = scenario.Arrivals.Arrivals(fromMinute, scenario.ClosesMinute, arrivalStream);
        var targets = TransferTargets(scenario);
        var draws = new List<CitizenDraw>(arrivals.Count);
        foreach (var arrival in arrivals)
        {
            if (!scenario.MayIssue(arrival.ThemeCode, arrival.Minute))
            {
                continue;
            }

            var service = scenario.ServiceOf(arrival.ThemeCode).Sample(serviceStream);
            var kind = behaviourStream.NextDouble();
            var priority = kind < behaviour.GreenChannelShare ? PriorityClass.GreenChannel
                : kind < behaviour.GreenChannelShare + behaviour.AppointmentShare ? PriorityClass.Appointment
                : PriorityClass.Normal;
            var absent = behaviourStream.NextDouble() < behaviour.NoShowShare;
            var patience = -Math.Log(1 - behaviourStream.NextDouble()) * (behaviour.MeanPatienceMinutes ?? double.PositiveInfinity);
            var (after, pick, away) = (afterStream.NextDouble(), afterStream.NextDouble(), -Math.Log(1 - afterStream.NextDouble()));
            var transferTo = after < behaviour.TransferShare ? Pick(targets, arrival.ThemeCode, pick) : null;
            double? hold = transferTo is null && after >= behaviour.TransferShare && after < behaviour.TransferShare + behaviour.HoldShare
                ? away * behaviour.MeanHoldMinutes
                : null;
            var second = scenario.ServiceOf(transferTo ?? arrival.ThemeCode).Sample(afterStream);
            draws.Add(new CitizenDraw(
                arrival.ThemeCode, arrival.Minute, priority, service, absent, double.IsNaN(patience) ? double.PositiveInfinity : patience,
                transferTo, hold, transferTo is null && hold is null ? 0 : second));
        }

        return draws;
    }

    /// <summary>The themes a ticket may be transferred to, weighted by their share of the day's demand (every theme alike without demand).</summary>
    private static List<(string Theme, double Weight)> TransferTargets(HallDayScenario scenario)
    {
        var weights = scenario.Hall.Themes.Select(t => (t.Code, scenario.Demand.FirstOrDefault(d => d.ThemeCode == t.Code)?.ArrivalsPerInterval.Sum() ?? 0)).ToList();
        return weights.Sum(w => w.Item2) > 0 ? weights : [.. weights.Select(w => (w.Code, 1.0))];
    }

    /// <summary>Another theme than <paramref name="from"/>, chosen by weight with the uniform draw <paramref name="u"/>; null when the hall has no other.</summary>
    private static string? Pick(List<(string Theme, double Weight)> targets, string from, double u)
    {
        var others = targets.Where(t => t.Theme != from && t.Weight > 0).ToList();
        var total = others.Sum(t => t.Weight);
        var at = u * total;
        foreach (var (theme, weight) in others)
        {
            if (at < weight)
            {
                return theme;
            }

            at -= weight;
        }

        return others.Count > 0 ? others[^1].Theme : null;
    }
}

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
    public static IReadOnlyList<CitizenDraw> Draw(HallDayScenario scenario, int seed) =>
        new DayDrawer(scenario, new Random(seed)).Draw(scenario.OpensMinute, scenario.ClosesMinute);

    /// <summary>
    /// The day's four streams, drawn on a stretch of the day at a time in time order: the whole day at once for a simulated
    /// day (<see cref="Draw(HallDayScenario, int)"/>), half an hour at a time for a forward prediction, which stops once its
    /// followed tickets are called and so needs the arrivals of the next minutes, not of the rest of the day (a busy hall's
    /// observed rate made that tens of thousands of draws per replication). Arrivals are a Poisson process per theme, so a
    /// stretch may start afresh at its first minute.
    /// </summary>
    internal sealed class DayDrawer
    {
        private readonly HallDayScenario _scenario;
        private readonly Random _arrivalStream;
        private readonly Random _serviceStream;
        private readonly Random _behaviourStream;
        private readonly Random _afterStream;
        private readonly List<(string Theme, double Weight)> _targets;

        public DayDrawer(HallDayScenario scenario, Random master)
        {
            _scenario = scenario;
            (_arrivalStream, _serviceStream, _behaviourStream) = (new Random(master.Next()), new Random(master.Next()), new Random(master.Next()));
            _afterStream = new Random(master.Next());
            _targets = TransferTargets(scenario);
        }

        /// <summary>The draws of the arrivals from <paramref name="fromMinute"/> until <paramref name="toMinute"/>, in time order.</summary>
        public IReadOnlyList<CitizenDraw> Draw(double fromMinute, double toMinute)
        {
            var behaviour = _scenario.Behaviour;
            // Only while the product would issue the theme's ticket (the hall calendar: periods, lunch breaks, cut-offs).
            var arrivals = _scenario.Arrivals.Arrivals(fromMinute, toMinute, _arrivalStream);
            var draws = new List<CitizenDraw>(arrivals.Count);
            foreach (var arrival in arrivals)
            {
                if (!_scenario.MayIssue(arrival.ThemeCode, arrival.Minute))
                {
                    continue;
                }

                var service = _scenario.ServiceOf(arrival.ThemeCode).Sample(_serviceStream);
                var kind = _behaviourStream.NextDouble();
                var priority = kind < behaviour.GreenChannelShare ? PriorityClass.GreenChannel
                    : kind < behaviour.GreenChannelShare + behaviour.AppointmentShare ? PriorityClass.Appointment
                    : PriorityClass.Normal;
                var absent = _behaviourStream.NextDouble() < behaviour.NoShowShare;
                var patience = -Math.Log(1 - _behaviourStream.NextDouble()) * (behaviour.MeanPatienceMinutes ?? double.PositiveInfinity);
                var (after, pick, away) = (_afterStream.NextDouble(), _afterStream.NextDouble(), -Math.Log(1 - _afterStream.NextDouble()));
                var transferTo = after < behaviour.TransferShare ? Pick(_targets, arrival.ThemeCode, pick) : null;
                double? hold = transferTo is null && after >= behaviour.TransferShare && after < behaviour.TransferShare + behaviour.HoldShare
                    ? away * behaviour.MeanHoldMinutes
                    : null;
                var second = _scenario.ServiceOf(transferTo ?? arrival.ThemeCode).Sample(_afterStream);
                draws.Add(new CitizenDraw(
                    arrival.ThemeCode, arrival.Minute, priority, service, absent, double.IsNaN(patience) ? double.PositiveInfinity : patience,
                    transferTo, hold, transferTo is null && hold is null ? 0 : second));
            }

            return draws;
        }
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

using Queue.Contracts.Model;

namespace Queue.Simulation;

/// <summary>One theme's booking slot filled to its capacity: minutes since the hall's local midnight.</summary>
public sealed record SlotLoad(string ThemeCode, double StartMinute, double EndMinute, int Capacity)
{
    /// <summary>A slot of the scenario's day, its instants read as minutes since the day's local midnight.</summary>
    public static SlotLoad Of(HallDayScenario scenario, string themeCode, DateTimeOffset start, DateTimeOffset end, int capacity) =>
        new(themeCode, (start - scenario.Midnight).TotalMinutes, (end - scenario.Midnight).TotalMinutes, capacity);
}

/// <summary>
/// A slot's simulated day: the share of its walk-ins (issued in the slot) and of its appointments called within their
/// theme's target, pooled over the replications (null: none judged), whether both meet <see cref="SlotCheck.Goal"/>, and
/// for a slot with bookings that misses, the lower capacity that met it (0 when even none does not; null for a slot that
/// meets, or misses with no bookings at all: then its walk-ins alone miss).
/// </summary>
public sealed record SlotVerdict(
    SlotLoad Slot, double? WalkInShare, int WalkIns, double? AppointmentShare, int Appointments, bool Meets, int? Suggested);

/// <summary>
/// The booking capacities checked by simulation (仿真核验预约容量). The day's walk-ins are drawn as every simulation draws
/// them (<see cref="DayTickets"/>, with no appointment share of their own), and every slot is filled to its capacity:
/// that many appointments (<see cref="PriorityClass.Appointment"/>) take their ticket at the slot's start, show up and
/// wait, each with a service time of its theme's model. <see cref="HallDaySimulator"/> runs the day with the policy given
/// on the same draws for every replication. A slot meets the goal when both its walk-ins and its appointments are called
/// within target at least <see cref="Goal"/> of the time. Slots that miss have their capacity halved (all at once) and the
/// day is run again, until they meet or reach 0, at most <see cref="MaxRounds"/> rounds: the suggestion is that capacity.
/// </summary>
public static class SlotCheck
{
    /// <summary>The 30-minute goal: 95% of the citizens called within target.</summary>
    public const double Goal = 0.95;

    public const int MaxRounds = 8;

    public static IReadOnlyList<SlotVerdict> Run(
        HallDayScenario scenario, IReadOnlyList<SlotLoad> slots, SimulationPolicy policy, int replications, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        var walkIns = scenario with { Behaviour = scenario.Behaviour with { AppointmentShare = 0 } };
        var days = Enumerable.Range(0, replications).Select(r => DayTickets.Draw(walkIns, seed + r)).ToList();
        var tidalPlan = policy == SimulationPolicy.QueueRoutingWithGuardianAndTidal ? HallDaySimulator.TidalPlan(walkIns) : null;
        var capacity = slots.Select(s => s.Capacity).ToArray();
        var first = Evaluate(walkIns, slots, capacity, days, policy, tidalPlan, seed, cancellationToken);
        var current = first;
        for (var round = 0; round < MaxRounds && current.Any(v => !v.Meets && v.Slot.Capacity > 0); round++)
        {
            capacity = [.. current.Select(v => v.Meets ? v.Slot.Capacity : v.Slot.Capacity / 2)];
            current = Evaluate(walkIns, slots, capacity, days, policy, tidalPlan, seed, cancellationToken);
        }

        // A slot without bookings that misses is the walk-ins' own miss: there is nothing to lower.
        return [.. first.Select((v, i) => v.Meets || v.Slot.Capacity == 0 ? v : v with { Suggested = current[i].Slot.Capacity })];
    }

    private static List<SlotVerdict> Evaluate(
        HallDayScenario scenario, IReadOnlyList<SlotLoad> slots, int[] capacity, List<IReadOnlyList<CitizenDraw>> days,
        SimulationPolicy policy, Queue.Contracts.Snapshots.TidalAdvice? tidalPlan, int seed, CancellationToken cancellationToken)
    {
        var tally = new (int Met, int Judged, int AppMet, int AppJudged)[slots.Count];
        for (var r = 0; r < days.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var service = new Random(seed + 7919 + r); // the appointments' service times: the same for every capacity tried
            var appointments = new List<CitizenDraw>();
            for (var i = 0; i < slots.Count; i++)
            {
                var model = scenario.ServiceOf(slots[i].ThemeCode);
                var minutes = Enumerable.Range(0, Math.Max(slots.Max(s => s.Capacity), 0)).Select(_ => model.Sample(service)).ToList();
                appointments.AddRange(minutes.Take(capacity[i]).Select(m => new CitizenDraw(
                    slots[i].ThemeCode, slots[i].StartMinute, PriorityClass.Appointment, m, Absent: false, PatienceMinutes: double.PositiveInfinity)));
            }

            var draws = days[r].Concat(appointments).OrderBy(d => d.Minute).ToList();
            var result = HallDaySimulator.Run(scenario, policy, draws, tidalPlan);
            foreach (var ticket in result.Tickets)
            {
                var i = IndexOf(slots, ticket.ThemeCode, ticket.IssuedMinute);
                if (i < 0 || ticket.WithinTarget(result.Targets.GetValueOrDefault(ticket.ThemeCode, 30)) is not { } met)
                {
                    continue;
                }

                var t = tally[i];
                tally[i] = ticket.Priority == PriorityClass.Appointment
                    ? (t.Met, t.Judged, t.AppMet + (met ? 1 : 0), t.AppJudged + 1)
                    : (t.Met + (met ? 1 : 0), t.Judged + 1, t.AppMet, t.AppJudged);
            }
        }

        return [.. slots.Select((s, i) =>
        {
            var (met, judged, appMet, appJudged) = tally[i];
            double? walkIn = judged > 0 ? (double)met / judged : null;
            double? booked = appJudged > 0 ? (double)appMet / appJudged : null;
            return new SlotVerdict(s with { Capacity = capacity[i] }, walkIn, judged, booked, appJudged, (walkIn ?? 1) >= Goal && (booked ?? 1) >= Goal, null);
        })];
    }

    /// <summary>The slot of a theme a ticket issued at a minute falls in (-1: none).</summary>
    private static int IndexOf(IReadOnlyList<SlotLoad> slots, string theme, double minute)
    {
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i].ThemeCode == theme && minute >= slots[i].StartMinute && minute < slots[i].EndMinute)
            {
                return i;
            }
        }

        return -1;
    }
}

using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;
using Queue.Domain;
using Queue.Simulation;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// The demo's past days, simulated (推演), the default (<see cref="TimeSeriesOptions.SimulateHistory"/>; off: <see
/// cref="SyntheticHistory"/>'s drawn waits): <see cref="HistoryGenerator"/>'s arrivals (at <see cref="DemoHall.ArrivalsPerDay"/>
/// × <see cref="TimeSeriesOptions.HistoryVolume"/>) and service times for a hall, each
/// date run as one hall-day by the simulator (<see cref="HallDaySimulator"/>, the domain's own rules) under the hall's
/// configured windows and Queue's routing (<see cref="SimulationPolicy.QueueRouting"/>), and turned into the events a real
/// day would have journaled: issued (at a uniform moment of its half-hour), called when a window really came free,
/// completed after its service time, and often rated. So the history's waits, heatmaps and compliance come from queue
/// dynamics: a busy Monday morning backs up and the lunch dip drains it. Drawn here, the same for the same seed:
/// <list type="bullet">
/// <item>channel: kiosk 55 %, phone 30 %, appointment 15 % (priority Appointment, served as a priority);</item>
/// <item>outcome: 没办成 (材料不齐) for 5 %; rating for 65 %: mostly 5 and 4, one level lower after a wait over 30 minutes.</item>
/// </list>
/// Everyone who took a ticket is served (the windows stay until the line is empty, at most <see cref="ServeAfterClosing"/>
/// after closing; whoever is left then expires, as the product's day close does). Sequence numbers run from 1 in the
/// synthetic source's own space, so they never meet live ones.
/// </summary>
public static class SimulatedHistory
{
    public static readonly TimeSpan ServeAfterClosing = TimeSpan.FromHours(4);

    /// <summary>
    /// <paramref name="volume"/> scales <see cref="DemoHall.ArrivalsPerDay"/>: at 1 the demo hall's average Monday brings
    /// about 110 window-hours of work for its 170 staffed ones.
    /// </summary>
    public static IReadOnlyList<HallEvent> Build(HallConfig hall, DateOnly firstDate, int weeks, int seed, double volume = 1)
    {
        ArgumentNullException.ThrowIfNull(hall);
        var history = HistoryGenerator.Generate(SyntheticHistory.Themes(hall, volume), firstDate, weeks, seed);
        var random = new Random(seed);
        var citizens = new List<(DateOnly Date, Citizen Citizen)>();
        var service = 0;
        foreach (var arrival in history.Arrivals)
        {
            for (var k = 0; k < arrival.Count; k++)
            {
                var minute = AnalyticsInterval.Start(arrival.IntervalIndex).ToTimeSpan().TotalMinutes + (AnalyticsInterval.Minutes * random.NextDouble());
                var channel = random.NextDouble() switch { < 0.55 => IssueChannel.Kiosk, < 0.85 => IssueChannel.Mobile, _ => IssueChannel.Appointment };
                var outcome = random.NextDouble() < 0.05 ? ServiceOutcome.NotDone : ServiceOutcome.Done;
                var rating = random.NextDouble() < 0.65 ? random.NextDouble() : (double?)null;
                citizens.Add((arrival.Date, new Citizen(arrival.Theme, minute, history.Services[service++].Minutes, channel, outcome, rating)));
            }
        }

        var events = new List<HallEvent>();
        foreach (var day in citizens.GroupBy(c => c.Date).OrderBy(g => g.Key))
        {
            Day(hall, day.Key, [.. day.Select(c => c.Citizen).OrderBy(c => c.Minute).ThenBy(c => c.Theme, StringComparer.Ordinal)], events);
        }

        return events;
    }

    /// <summary>Simulates one date and adds its events, numbered on from the last.</summary>
    private static void Day(HallConfig hall, DateOnly date, IReadOnlyList<Citizen> citizens, List<HallEvent> events)
    {
        var zone = BusinessClock.Zone(hall.TimeZone);
        var demand = hall.Themes.Select(t =>
        {
            var perInterval = new double[AnalyticsInterval.PerDay];
            foreach (var c in citizens.Where(c => c.Theme == t.Code))
            {
                perInterval[(int)(c.Minute / AnalyticsInterval.Minutes)]++;
            }

            return new ThemeDemand(t.Code, perInterval, ServiceTimeModel.Lognormal(t.ExpectedServiceMinutes, 0.8));
        }).ToList();
        var scenario = new HallDayScenario(hall, date, demand) { ServeAfterClosing = ServeAfterClosing };
        var draws = citizens.Select(c => new CitizenDraw(
            c.Theme, c.Minute, c.Channel == IssueChannel.Appointment ? PriorityClass.Appointment : PriorityClass.Normal, c.ServiceMinutes, false, double.PositiveInfinity)).ToList();
        var day = HallDaySimulator.Run(scenario, SimulationPolicy.QueueRouting, draws);
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        DateTimeOffset At(double minute)
        {
            var local = midnight.AddSeconds(Math.Round(minute * 60));
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        long sequence = events.Count == 0 ? 0 : events[^1].Sequence;
        for (var i = 0; i < citizens.Count; i++)
        {
            var (citizen, outcome) = (citizens[i], day.Tickets[i]);
            var ticket = new HallEvent(
                hall.HallId, 0, At(citizen.Minute), HallEventKind.TicketIssued, $"{hall.HallId}.{citizen.Theme}.synthetic-{sequence + 1}", null, citizen.Theme,
                Priority: draws[i].Priority, Channel: citizen.Channel);
            events.Add(ticket with { Sequence = ++sequence });
            if (outcome.CalledMinute is not { } called || outcome.WindowNo is not { } window)
            {
                events.Add(ticket with { Sequence = ++sequence, At = At(outcome.LeftMinute ?? citizen.Minute), Kind = HallEventKind.TicketExpired });
                continue;
            }

            var waitMinutes = called - citizen.Minute;
            events.Add(ticket with { Sequence = ++sequence, At = At(called), Kind = HallEventKind.TicketCalled, WindowNo = window, WaitSeconds = Math.Round(waitMinutes * 60, 1) });
            if (outcome.End != TicketEnd.Served)
            {
                events.Add(ticket with { Sequence = ++sequence, At = At(outcome.LeftMinute ?? called), Kind = HallEventKind.TicketExpired, WindowNo = window });
                continue;
            }

            var completed = At(called + citizen.ServiceMinutes);
            events.Add(ticket with
            {
                Sequence = ++sequence, At = completed, Kind = HallEventKind.ServiceCompleted, WindowNo = window, Outcome = citizen.Outcome,
                Reason = citizen.Outcome == ServiceOutcome.NotDone ? "材料不齐" : null, ServiceSeconds = Math.Round(citizen.ServiceMinutes * 60, 1),
            });
            if (citizen.Rating is { } roll)
            {
                events.Add(ticket with { Sequence = ++sequence, At = completed.AddMinutes(1), Kind = HallEventKind.TicketRated, WindowNo = window, Rating = Rating(roll, waitMinutes) });
            }
        }
    }

    private static int Rating(double roll, double waitMinutes)
    {
        var level = roll switch { < 0.70 => 5, < 0.90 => 4, < 0.96 => 3, < 0.985 => 2, _ => 1 };
        return waitMinutes > 30 ? Math.Max(1, level - 1) : level;
    }

    /// <summary>One citizen of a generated day: theme, minute of issue, service minutes, channel, outcome and the roll for a rating (null: none).</summary>
    private sealed record Citizen(string Theme, double Minute, double ServiceMinutes, IssueChannel Channel, ServiceOutcome Outcome, double? Rating);
}

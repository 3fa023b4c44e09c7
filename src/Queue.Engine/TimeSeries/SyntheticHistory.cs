using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;
using Queue.Domain;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// The demo's history with drawn waits, kept for <see cref="TimeSeriesOptions.SimulateHistory"/> off (the default is
/// <see cref="SimulatedHistory"/>). <see cref="HistoryGenerator"/>'s arrivals and service times for a hall, turned into the events a real day would have
/// journaled: issued (at a uniform moment of its half-hour), called after a wait, completed, and often rated. The
/// generator gives arrivals and service times only; the rest is drawn here, the same for the same seed:
/// <list type="bullet">
/// <item>wait: exponential, its mean growing with how busy the half-hour is for the theme (2 min when quiet, 16 at the
/// theme's peak), capped at 90 min, so busy mornings breach the 30-minute target now and then;</item>
/// <item>window: one of the hall's windows that serve the theme; outcome: 没办成 (材料不齐) for 5 %;</item>
/// <item>rating for 65 %: mostly 5 and 4, one level lower after a wait over 30 minutes;</item>
/// <item>channel: kiosk 55 %, phone 30 %, appointment 15 % (priority Appointment).</item>
/// </list>
/// Sequence numbers run from 1 in the synthetic source's own space, so they never meet live ones.
/// </summary>
public static class SyntheticHistory
{
    /// <summary>The generator's themes for a hall: <see cref="DemoHall.ArrivalsPerDay"/> × <paramref name="volume"/>.</summary>
    public static IReadOnlyList<HistoryTheme> Themes(HallConfig hall, double volume = 1)
    {
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(volume);
        return [.. hall.Themes.Select(t => new HistoryTheme(t.Code, DemoHall.ArrivalsPerDay.GetValueOrDefault(t.Code, DemoHall.OtherArrivalsPerDay) * volume, t.ExpectedServiceMinutes))];
    }

    public static IReadOnlyList<HallEvent> Build(HallConfig hall, DateOnly firstDate, int weeks, int seed, double volume = 1)
    {
        ArgumentNullException.ThrowIfNull(hall);
        var history = HistoryGenerator.Generate(Themes(hall, volume), firstDate, weeks, seed);
        var zone = BusinessClock.Zone(hall.TimeZone);
        var peak = history.Arrivals.GroupBy(a => a.Theme).ToDictionary(g => g.Key, g => Math.Max(1, g.Max(a => a.Count)));
        var random = new Random(seed);
        var events = new List<HallEvent>();
        var service = 0;
        long sequence = 0;
        foreach (var arrival in history.Arrivals)
        {
            var windows = hall.Windows.Where(w => w.Profile.Serves(arrival.Theme)).Select(w => w.WindowNo).DefaultIfEmpty(0).ToArray();
            var load = (double)arrival.Count / peak[arrival.Theme];
            for (var k = 0; k < arrival.Count; k++)
            {
                var local = arrival.Date.ToDateTime(AnalyticsInterval.Start(arrival.IntervalIndex)).AddMinutes(AnalyticsInterval.Minutes * random.NextDouble());
                var issued = new DateTimeOffset(local, zone.GetUtcOffset(local));
                var waitMinutes = Math.Min(90, -(2 + (14 * Math.Pow(load, 1.5))) * Math.Log(1 - random.NextDouble()));
                var serviceMinutes = history.Services[service++].Minutes;
                var called = issued.AddSeconds(Math.Round(waitMinutes * 60));
                var completed = called.AddMinutes(1 + serviceMinutes);
                var channel = random.NextDouble() switch { < 0.55 => IssueChannel.Kiosk, < 0.85 => IssueChannel.Mobile, _ => IssueChannel.Appointment };
                var priority = channel == IssueChannel.Appointment ? PriorityClass.Appointment : PriorityClass.Normal;
                var outcome = random.NextDouble() < 0.05 ? ServiceOutcome.NotDone : ServiceOutcome.Done;
                var ticket = new HallEvent(
                    hall.HallId, 0, issued, HallEventKind.TicketIssued, $"{hall.HallId}.{arrival.Theme}.synthetic-{sequence + 1}", null, arrival.Theme,
                    Priority: priority, Channel: channel);
                var window = windows[random.Next(windows.Length)];
                events.Add(ticket with { Sequence = ++sequence });
                events.Add(ticket with { Sequence = ++sequence, At = called, Kind = HallEventKind.TicketCalled, WindowNo = window, WaitSeconds = Math.Round(waitMinutes * 60, 1) });
                events.Add(ticket with
                {
                    Sequence = ++sequence, At = completed, Kind = HallEventKind.ServiceCompleted, WindowNo = window, Outcome = outcome,
                    Reason = outcome == ServiceOutcome.NotDone ? "材料不齐" : null, ServiceSeconds = Math.Round(serviceMinutes * 60, 1),
                });
                if (random.NextDouble() < 0.65)
                {
                    events.Add(ticket with { Sequence = ++sequence, At = completed.AddMinutes(1), Kind = HallEventKind.TicketRated, WindowNo = window, Rating = Rating(random, waitMinutes) });
                }
            }
        }

        return events;
    }

    private static int Rating(Random random, double waitMinutes)
    {
        var level = random.NextDouble() switch { < 0.70 => 5, < 0.90 => 4, < 0.96 => 3, < 0.985 => 2, _ => 1 };
        return waitMinutes > 30 ? Math.Max(1, level - 1) : level;
    }
}

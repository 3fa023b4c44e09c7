using Queue.Contracts.Booking;
using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Domain.Booking;

/// <summary>
/// The appointments report from the journal (<see cref="BookingReport"/>): each booking's last event decides how it ended
/// (confirmed and never changed: booked, and missed once its check-in window is over), slots are those of the period's
/// days; waits are the first call's of each ticket called in the period, appointment tickets (priority Appointment) against
/// the others that are not 绿色通道.
/// </summary>
public static class BookingFigures
{
    public static BookingReport Report(
        string hallId, DateOnly from, DateOnly to, IEnumerable<HallEvent> events, TimeZoneInfo zone, DateTimeOffset now, int checkInLateMinutes)
    {
        var bookings = new Dictionary<string, (HallEvent First, HallEventKind Last)>();
        var firstCalls = new Dictionary<string, HallEvent>();
        foreach (var e in events)
        {
            if (e.BookingId is { } id && e.Kind is >= HallEventKind.BookingConfirmed and <= HallEventKind.BookingLate)
            {
                bookings[id] = bookings.TryGetValue(id, out var known) ? (known.First, e.Kind) : (e, e.Kind);
            }
            else if (e.Kind == HallEventKind.TicketCalled && e.TicketId is { } ticket && e.WaitSeconds is not null &&
                     Day(e.At, zone) is var day && day >= from && day <= to)
            {
                firstCalls.TryAdd(ticket, e);
            }
        }

        var inPeriod = bookings.Values.Where(b => b.First.SlotStart is { } s && Day(s, zone) >= from && Day(s, zone) <= to).ToList();
        var holding = inPeriod.Where(b => b.Last is HallEventKind.BookingConfirmed or HallEventKind.BookingCheckedIn or HallEventKind.BookingLate).ToList();
        var checkedIn = holding.Count(b => b.Last == HallEventKind.BookingCheckedIn);
        var late = holding.Count(b => b.Last == HallEventKind.BookingLate);
        var missed = holding.Count(b => b.Last == HallEventKind.BookingConfirmed && b.First.SlotStart!.Value.AddMinutes(checkInLateMinutes) < now);
        var decided = checkedIn + late + missed;
        var slots = holding
            .GroupBy(b => (Day(b.First.SlotStart!.Value, zone), b.First.ThemeCode ?? "", b.First.SlotStart!.Value))
            .OrderBy(g => g.Key.Item3).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .Select(g => new BookingSlotFigure(g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Count(),
                g.Count(b => b.Last == HallEventKind.BookingCheckedIn), g.Count(b => b.Last == HallEventKind.BookingLate)));
        return new BookingReport(
            hallId, from, to, holding.Count, checkedIn, late, missed,
            inPeriod.Count(b => b.Last == HallEventKind.BookingCancelled), inPeriod.Count(b => b.Last == HallEventKind.BookingRescheduled),
            decided == 0 ? null : Math.Round((double)(checkedIn + late) / decided, 3),
            checkedIn + late == 0 ? null : Math.Round((double)late / (checkedIn + late), 3),
            Waits(firstCalls.Values.Where(e => e.Priority == PriorityClass.Appointment)),
            Waits(firstCalls.Values.Where(e => e.Priority == PriorityClass.Normal)),
            [.. slots]);
    }

    public static WaitFigure Waits(IEnumerable<HallEvent> calls)
    {
        var minutes = calls.Select(e => e.WaitSeconds!.Value / 60).Order().ToList();
        if (minutes.Count == 0)
        {
            return new WaitFigure(0, null, null);
        }

        var p90 = minutes[Math.Min(minutes.Count - 1, (int)Math.Ceiling(0.9 * minutes.Count) - 1)];
        return new WaitFigure(minutes.Count, Math.Round(minutes.Average(), 1), Math.Round(p90, 1));
    }

    private static DateOnly Day(DateTimeOffset at, TimeZoneInfo zone) => BusinessClock.Day(at, zone);
}

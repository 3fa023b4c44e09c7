using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Webhooks;

namespace Queue.Engine.Webhooks;

/// <summary>What a booking webhook tells: the booking, its theme and slot, and for a reminder which one.</summary>
public sealed record BookingFacts(string BookingId, string? Code, string ThemeCode, DateTimeOffset SlotStart, string? Reminder = null);

/// <summary>
/// The booking events' webhooks. The journal's booking events (HallEventKind 30 BookingConfirmed, 31 BookingCancelled,
/// 32 BookingRescheduled; 33 BookingCheckedIn and 34 BookingLate are not notified) carry the booking's id and its slot's
/// start (<see cref="HallEvent.BookingId"/>, <see cref="HallEvent.SlotStart"/>) and the theme. A move is two events: the
/// new booking's BookingConfirmed (its own id, the new slot: it plans the new reminders) and the old one's
/// BookingRescheduled (the old id and slot, <see cref="HallEvent.Reason"/> = the new id: it cancels the old reminders).
/// The booking's code is not in the journal (it checks a booking in at the kiosk), so the payload's <c>code</c> is null.
/// </summary>
public static class BookingWebhooks
{
    public const HallEventKind Confirmed = HallEventKind.BookingConfirmed;
    public const HallEventKind Cancelled = HallEventKind.BookingCancelled;
    public const HallEventKind Rescheduled = HallEventKind.BookingRescheduled;

    public const string EveningReminder = "evening-before";
    public const string HourReminder = "hour-before";

    /// <summary>The reminder the evening before is sent at this hall time.</summary>
    public static readonly TimeOnly EveningAt = new(18, 0);

    /// <summary>The facts of a notified booking event, or null for any other event (or one without its booking's fields).</summary>
    public static BookingFacts? Read(HallEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Kind is Confirmed or Cancelled or Rescheduled && e.BookingId is { } id && e.SlotStart is { } start && e.ThemeCode is { } theme
            ? new BookingFacts(id, Code: null, theme, start)
            : null;
    }

    public static string? TypeOf(HallEventKind kind) => kind switch
    {
        Confirmed => WebhookEventTypes.BookingConfirmed,
        Cancelled => WebhookEventTypes.BookingCancelled,
        Rescheduled => WebhookEventTypes.BookingRescheduled,
        _ => null,
    };

    /// <summary>The deliveries of a booking's reminders share this group, so a cancellation or a move cancels them together.</summary>
    public static string Group(string bookingId) => "booking:" + bookingId;

    /// <summary>
    /// A booking's reminders: at 18:00 hall time the evening before the slot's date, and one hour before the slot;
    /// only those still ahead of <paramref name="now"/>.
    /// </summary>
    public static IReadOnlyList<(string Name, DateTimeOffset At)> Reminders(DateTimeOffset slotStart, string timeZone, DateTimeOffset now)
    {
        var zone = BusinessClock.Zone(timeZone);
        var slotDay = BusinessClock.Day(slotStart, zone);
        var eveningLocal = slotDay.AddDays(-1).ToDateTime(EveningAt);
        var evening = new DateTimeOffset(eveningLocal, zone.GetUtcOffset(eveningLocal));
        var hour = slotStart.AddHours(-1);
        return [.. new[] { (EveningReminder, evening), (HourReminder, hour) }.Where(r => r.Item2 > now)];
    }
}

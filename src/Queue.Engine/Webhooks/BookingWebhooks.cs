using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Webhooks;

namespace Queue.Engine.Webhooks;

/// <summary>What a booking webhook tells: the booking, its theme and slot, and for a reminder which one.</summary>
public sealed record BookingFacts(string BookingId, string? Code, string ThemeCode, DateTimeOffset SlotStart, string? Reminder = null);

/// <summary>
/// The seam between the booking feature's journal events and the webhooks. The booking events (HallEventKind 30
/// BookingConfirmed, 31 BookingCancelled, 32 BookingRescheduled; 33 BookingCheckedIn is not notified) carry their facts
/// in <see cref="HallEvent"/> fields 20–24 that this branch does not have yet. Wiring them is <see cref="Read"/>'s body:
/// <code>
/// e.Kind is Confirmed or Cancelled or Rescheduled &amp;&amp; e.BookingId is { } id &amp;&amp; e.SlotStart is { } start
///     ? new BookingFacts(id, e.BookingCode, e.ThemeCode!, start) : null;
/// </code>
/// Everything else (the types, the payload, the reminders as scheduled deliveries, their cancellation) is in place and tested.
/// </summary>
public static class BookingWebhooks
{
    public const HallEventKind Confirmed = (HallEventKind)30;
    public const HallEventKind Cancelled = (HallEventKind)31;
    public const HallEventKind Rescheduled = (HallEventKind)32;

    public const string EveningReminder = "evening-before";
    public const string HourReminder = "hour-before";

    /// <summary>The reminder the evening before is sent at this hall time.</summary>
    public static readonly TimeOnly EveningAt = new(18, 0);

    /// <summary>The facts of a booking event, or null for any other event (see the class summary for wiring).</summary>
    public static BookingFacts? Read(HallEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return null; // wired when the booking branch is merged: see the class summary
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

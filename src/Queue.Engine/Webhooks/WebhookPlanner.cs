using System.Collections.Immutable;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Contracts.Webhooks;

namespace Queue.Engine.Webhooks;

/// <summary>
/// Turns a batch of a hall's journal into deliveries: one per event and endpoint that subscribes to its type (and was
/// registered before the event), and the near-turn notices. The one rule for "N ahead" is the line the phones read
/// (<see cref="LineView.Waiting"/>: the numbers in call order, index = people ahead), read once per theme that the batch
/// touched, after the batch: every number within an endpoint's N gets its notice, once per ticket (the notice's id
/// names the day and the number), however many later events find it still near.
/// </summary>
public static class WebhookPlanner
{
    private static readonly ImmutableDictionary<HallEventKind, string> TicketTypes = new Dictionary<HallEventKind, string>
    {
        [HallEventKind.TicketIssued] = WebhookEventTypes.TicketIssued,
        [HallEventKind.TicketCalled] = WebhookEventTypes.TicketCalled,
        [HallEventKind.TicketRecalled] = WebhookEventTypes.TicketRecalled,
        [HallEventKind.TicketNoShow] = WebhookEventTypes.TicketNoShow,
        [HallEventKind.ServiceCompleted] = WebhookEventTypes.TicketCompleted,
    }.ToImmutableDictionary();

    private const string NumberPrefix = "number:";

    /// <summary>
    /// A delivery's reference to the citizen's phone when only the ticket's number is known (a near-turn notice, planned
    /// from the line): resolved at sending time, so a phone remembered just after the issue is found.
    /// </summary>
    public static string NumberRef(string themeCode, string number) => NumberPrefix + themeCode + ":" + number;

    /// <summary>The theme and number of a <see cref="NumberRef"/>, or null for a ticket id.</summary>
    public static (string ThemeCode, string Number)? ReadNumberRef(string contactRef)
    {
        if (!contactRef.StartsWith(NumberPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = contactRef[NumberPrefix.Length..].Split(':', 2);
        return parts.Length == 2 ? (parts[0], parts[1]) : null;
    }

    public static string? TypeOf(HallEventKind kind) => TicketTypes.GetValueOrDefault(kind) ?? BookingWebhooks.TypeOf(kind);

    /// <summary>The themes whose line the batch may have changed (so near-turn notices are looked for there).</summary>
    public static IReadOnlySet<string> TouchedThemes(IEnumerable<HallEvent> events) =>
        events.Where(e => e.TicketId is not null && e.ThemeCode is not null).SelectMany(e => e.ToThemeCode is { } to ? new[] { e.ThemeCode!, to } : [e.ThemeCode!]).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The deliveries of the events themselves, and the booking groups to cancel (cancelled or moved bookings' reminders;
    /// a confirmed booking's reminders are planned with it).
    /// <paramref name="readBooking"/> reads a booking event's facts (<see cref="BookingWebhooks.Read"/> by default; a test passes its own).
    /// </summary>
    public static (List<PlannedDelivery> Deliveries, List<string> CancelGroups) PlanEvents(
        IReadOnlyList<HallEvent> events, IReadOnlyList<WebhookEndpoint> endpoints, HallConfig? hall, IReadOnlyDictionary<string, LineView> lines, DateTimeOffset now,
        Func<HallEvent, BookingFacts?>? readBooking = null)
    {
        readBooking ??= BookingWebhooks.Read;
        var deliveries = new List<PlannedDelivery>();
        var cancel = new List<string>();
        foreach (var e in events)
        {
            if (TypeOf(e.Kind) is not { } type)
            {
                continue;
            }

            if (BookingWebhooks.TypeOf(e.Kind) is not null)
            {
                if (readBooking(e) is { } booking)
                {
                    PlanBooking(deliveries, cancel, e, type, booking, endpoints, hall, now);
                }

                continue;
            }

            var eventId = WebhookPayload.EventId(e, type);
            int? ahead = e.Kind == HallEventKind.TicketIssued && e.ThemeCode is { } code && lines.TryGetValue(code, out var line) && e.DisplayNumber is { } number
                ? IndexOf(line, number) : null;
            var body = WebhookPayload.Ticket(eventId, type, e.At, hall, e.HallId, e.ThemeCode ?? "", e.DisplayNumber, e.WindowNo, ahead);
            deliveries.AddRange(endpoints.Where(x => x.Wants(type) && x.CreatedAt <= e.At)
                .Select(x => new PlannedDelivery(e.HallId, x.EndpointId, eventId, type, body, e.TicketId, Group: null, DueAt: null)));
        }

        return (deliveries, cancel);
    }

    /// <summary>The near-turn notices from the lines as they are now: (theme, number, people ahead, endpoints that count it near).</summary>
    public static IEnumerable<(string Theme, string Number, int Ahead, WebhookEndpoint Endpoint)> NearTurns(IReadOnlyDictionary<string, LineView> lines, IReadOnlyList<WebhookEndpoint> endpoints)
    {
        var near = endpoints.Where(x => x.Wants(WebhookEventTypes.TicketNearTurn)).ToList();
        foreach (var (theme, line) in lines)
        {
            for (var ahead = 0; ahead < line.Waiting.Length; ahead++)
            {
                foreach (var endpoint in near.Where(x => ahead <= x.NearTurnAhead))
                {
                    yield return (theme, line.Waiting[ahead], ahead, endpoint);
                }
            }
        }
    }

    private static void PlanBooking(
        List<PlannedDelivery> deliveries, List<string> cancel, HallEvent e, string type, BookingFacts booking,
        IReadOnlyList<WebhookEndpoint> endpoints, HallConfig? hall, DateTimeOffset now)
    {
        var eventId = WebhookPayload.EventId(e, type);
        var body = WebhookPayload.Booking(eventId, type, e.At, hall, e.HallId, booking);
        var subscribed = endpoints.Where(x => x.CreatedAt <= e.At).ToList();
        deliveries.AddRange(subscribed.Where(x => x.Wants(type)).Select(x => new PlannedDelivery(e.HallId, x.EndpointId, eventId, type, body, null, null, null)));
        var group = BookingWebhooks.Group(booking.BookingId);
        if (e.Kind != BookingWebhooks.Confirmed)
        {
            // Earlier reminders of this booking: stored ones are cancelled by the relay, those of this batch dropped here.
            cancel.Add(group);
            deliveries.RemoveAll(d => d.Group == group);
        }

        if (e.Kind != BookingWebhooks.Confirmed)
        {
            return; // a move's new slot is the new booking's: its own BookingConfirmed plans the reminders
        }

        foreach (var (name, at) in BookingWebhooks.Reminders(booking.SlotStart, hall?.TimeZone ?? "Asia/Shanghai", now))
        {
            var reminderId = $"{e.HallId}:booking:{booking.BookingId}:{booking.SlotStart.ToUnixTimeSeconds()}:{name}";
            var reminder = WebhookPayload.Booking(reminderId, WebhookEventTypes.BookingReminder, at, hall, e.HallId, booking with { Reminder = name });
            deliveries.AddRange(subscribed.Where(x => x.Wants(WebhookEventTypes.BookingReminder))
                .Select(x => new PlannedDelivery(e.HallId, x.EndpointId, reminderId, WebhookEventTypes.BookingReminder, reminder, null, group, at)));
        }
    }

    private static int? IndexOf(LineView line, string number)
    {
        var index = line.Waiting.IndexOf(number);
        return index < 0 ? null : index;
    }
}

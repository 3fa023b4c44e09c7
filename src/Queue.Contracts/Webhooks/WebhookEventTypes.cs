using System.Collections.Frozen;

namespace Queue.Contracts.Webhooks;

/// <summary>
/// The event types a webhook endpoint can subscribe to (the payload's <c>type</c>). Stable names: receivers switch on
/// them. <see cref="Test"/> is sent only by the "send test" action, to the endpoint it names, whatever it subscribes to.
/// </summary>
public static class WebhookEventTypes
{
    public const string TicketIssued = "ticket.issued";
    public const string TicketNearTurn = "ticket.near_turn";
    public const string TicketCalled = "ticket.called";
    public const string TicketRecalled = "ticket.recalled";
    public const string TicketNoShow = "ticket.no_show";
    public const string TicketCompleted = "ticket.completed";
    public const string BookingConfirmed = "booking.confirmed";
    public const string BookingCancelled = "booking.cancelled";
    public const string BookingRescheduled = "booking.rescheduled";
    public const string BookingReminder = "booking.reminder";
    public const string Test = "webhook.test";

    /// <summary>The types an endpoint may subscribe to, in the order the pages list them.</summary>
    public static IReadOnlyList<string> Subscribable { get; } =
    [
        TicketIssued, TicketNearTurn, TicketCalled, TicketRecalled, TicketNoShow, TicketCompleted,
        BookingConfirmed, BookingCancelled, BookingRescheduled, BookingReminder,
    ];

    private static readonly FrozenSet<string> Known = Subscribable.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsSubscribable(string type) => Known.Contains(type);
}

using System.Collections.Immutable;
using Queue.Contracts.Events;
using Queue.Contracts.Snapshots;
using Queue.Contracts.Webhooks;
using Queue.Engine.Webhooks;

namespace Queue.GrainTests.Webhooks;

/// <summary>
/// The booking notices as planned from the journal, with the facts read by a stand-in for <see cref="BookingWebhooks.Read"/>
/// (the booking events' fields arrive with the booking branch): the confirmation and its two reminders, a move that
/// cancels the old reminders and plans the new slot's, a cancellation that plans none.
/// </summary>
public sealed class BookingWebhookPlanTests
{
    private const string Hall = "binjiang";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Slot = new(2026, 12, 9, 1, 30, 0, TimeSpan.Zero); // 09:30 in Shanghai
    private static readonly Dictionary<long, BookingFacts> Facts = [];
    private static readonly WebhookEndpoint Endpoint = new(
        "w0000000001", "https://sms.example/", "a-secret-of-sixteen", [WebhookEventTypes.BookingConfirmed, WebhookEventTypes.BookingCancelled,
            WebhookEventTypes.BookingRescheduled, WebhookEventTypes.BookingReminder], true, 3, Now.AddDays(-1), "test", Now.AddDays(-1));

    [Fact]
    public void AConfirmedBookingIsNotifiedAndRemindedTheEveningBeforeAndAnHourBefore()
    {
        var (planned, cancel) = Plan(Booking(1, BookingWebhooks.Confirmed, Slot));

        Assert.Empty(cancel);
        Assert.Equal(
            [(WebhookEventTypes.BookingConfirmed, (DateTimeOffset?)null, (string?)null),
             (WebhookEventTypes.BookingReminder, new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero), "booking:b1"),
             (WebhookEventTypes.BookingReminder, Slot.AddHours(-1), "booking:b1")],
            planned.Select(p => (p.Type, p.DueAt, p.Group)));
        Assert.Contains("\"reminder\":\"evening-before\"", planned[1].Body, StringComparison.Ordinal);
        Assert.Equal($"{Hall}:booking:b1:{Slot.ToUnixTimeSeconds()}:hour-before", planned[2].EventId);
    }

    [Fact]
    public void AMovedBookingCancelsItsRemindersAndIsRemindedOfItsNewSlot()
    {
        var moved = Slot.AddDays(1);
        var (planned, cancel) = Plan(Booking(2, BookingWebhooks.Rescheduled, moved));

        Assert.Equal(["booking:b1"], cancel);
        Assert.Equal([WebhookEventTypes.BookingRescheduled, WebhookEventTypes.BookingReminder, WebhookEventTypes.BookingReminder], planned.Select(p => p.Type));
        Assert.All(planned.Skip(1), p => Assert.Contains(moved.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), p.EventId, StringComparison.Ordinal));
    }

    [Fact]
    public void ABookingConfirmedAndCancelledInOneBatchGetsNoReminder()
    {
        var (planned, cancel) = Plan(Booking(3, BookingWebhooks.Confirmed, Slot), Booking(4, BookingWebhooks.Cancelled, Slot));

        Assert.Equal(["booking:b1"], cancel);
        Assert.Equal([WebhookEventTypes.BookingConfirmed, WebhookEventTypes.BookingCancelled], planned.Select(p => p.Type));
    }

    private static (List<PlannedDelivery>, List<string>) Plan(params HallEvent[] events) =>
        WebhookPlanner.PlanEvents(events, [Endpoint], TestHalls.Small(Hall, ["BDC"], Contracts.Model.WindowProfile.Comprehensive),
            ImmutableDictionary<string, LineView>.Empty, Now, e => Facts.GetValueOrDefault(e.Sequence));

    private static HallEvent Booking(long sequence, Contracts.Model.HallEventKind kind, DateTimeOffset slot)
    {
        lock (Facts)
        {
            Facts[sequence] = new BookingFacts("b1", "K7Q2", "BDC", slot);
        }

        return new HallEvent(Hall, sequence, Now, kind, ThemeCode: "BDC");
    }
}

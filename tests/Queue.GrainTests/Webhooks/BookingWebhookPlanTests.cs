using System.Collections.Immutable;
using Queue.Contracts.Events;
using Queue.Contracts.Snapshots;
using Queue.Contracts.Webhooks;
using Queue.Engine.Webhooks;

namespace Queue.GrainTests.Webhooks;

/// <summary>
/// The booking notices as planned from the journal, with the facts read by a stand-in for <see cref="BookingWebhooks.Read"/>
/// (and the real reader on journal events): the confirmation and its two reminders, a move (the new booking's confirmation
/// plans the new slot's reminders, the old one's rescheduled cancels its own), a cancellation that plans none.
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
    public void AMoveIsTheNewBookingsConfirmationWithItsRemindersAndTheOldOnesRescheduledThatCancelsItsOwn()
    {
        var moved = Slot.AddDays(1);
        var (planned, cancel) = Plan(Booking(2, BookingWebhooks.Confirmed, moved, "b2"), Booking(3, BookingWebhooks.Rescheduled, Slot, "b1"));

        Assert.Equal(["booking:b1"], cancel);
        Assert.Equal([WebhookEventTypes.BookingConfirmed, WebhookEventTypes.BookingReminder, WebhookEventTypes.BookingReminder, WebhookEventTypes.BookingRescheduled], planned.Select(p => p.Type));
        Assert.All(planned.Where(p => p.Type == WebhookEventTypes.BookingReminder), p => Assert.Equal("booking:b2", p.Group));
        Assert.All(planned.Where(p => p.Type == WebhookEventTypes.BookingReminder), p => Assert.Contains(moved.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), p.EventId, StringComparison.Ordinal));
    }

    [Fact]
    public void TheJournalsBookingEventsAreReadWithoutTheCodeAndTheCheckInIsNotNotified()
    {
        var confirmed = new HallEvent(Hall, 1, Now, BookingWebhooks.Confirmed, ThemeCode: "BDC", BookingId: "b9", SlotStart: Slot);
        Assert.Equal(new BookingFacts("b9", null, "BDC", Slot), BookingWebhooks.Read(confirmed));
        Assert.Null(BookingWebhooks.Read(confirmed with { Kind = Contracts.Model.HallEventKind.BookingCheckedIn }));
        Assert.Null(BookingWebhooks.Read(confirmed with { BookingId = null }));
        Assert.Null(WebhookPlanner.TypeOf(Contracts.Model.HallEventKind.BookingLate));
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

    private static HallEvent Booking(long sequence, Contracts.Model.HallEventKind kind, DateTimeOffset slot, string id = "b1")
    {
        lock (Facts)
        {
            Facts[sequence] = new BookingFacts(id, "K7Q2", "BDC", slot);
        }

        return new HallEvent(Hall, sequence, Now, kind, ThemeCode: "BDC");
    }
}

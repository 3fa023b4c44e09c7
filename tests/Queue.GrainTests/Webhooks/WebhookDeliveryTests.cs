using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Security;
using Queue.Contracts.Snapshots;
using Queue.Contracts.Webhooks;
using Queue.Engine.Webhooks;
using Xunit.Abstractions;

namespace Queue.GrainTests.Webhooks;

/// <summary>
/// Webhooks end to end in a real silo over a real SQLite file, to a real HTTP receiver on a loopback port: signed
/// called and near-turn notices, a receiver that is down and comes back, a silo restart in the middle of a request.
/// Each test runs its own cluster (quick retries); the waits are generous bounds for delivery, not timings.
/// </summary>
public sealed class WebhookDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "a-test-secret-of-32-characters!!";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly QueueClusterFixture _cluster = new()
    {
        ConfigureSilo = silo => silo.Services.Configure<WebhookOptions>(o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            o.MinBackoff = TimeSpan.FromMilliseconds(200);
            o.MaxBackoff = TimeSpan.FromSeconds(1);
            o.RequestTimeout = TimeSpan.FromSeconds(2);
            o.Lease = TimeSpan.FromSeconds(3);
            o.MaxAttempts = 100;
        }),
    };

    private readonly WebhookReceiver _receiver = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task CalledAndNearTurnNoticesReachARealReceiverSignedWithThePhoneOnlyWhereGiven()
    {
        const string hall = "wh-signed";
        const string phone = "13812345678";
        _receiver.Start();
        await Configure(hall);
        await Register(hall, WebhookEventTypes.TicketCalled, WebhookEventTypes.TicketNearTurn, WebhookEventTypes.TicketIssued);
        // As the web node does: the second citizen's phone is sealed and stored under the ticket's id before the ticket is issued,
        // so that every notice of that ticket, the first included, can carry it.
        var key = NotifyPhoneSeal.DeriveKey(await _cluster.Grains.GetGrain<ISecretsGrain>(0).GetAsync());
        var withNumber = GrainKeys.NewTicketId(hall, "BDC");
        await _cluster.Grains.GetGrain<IHallContactsGrain>(hall).RememberAsync(withNumber, "BDC", "", NotifyPhoneSeal.Seal(key, withNumber, phone));
        var tickets = new List<TicketSnapshot>();
        for (var i = 0; i < 6; i++)
        {
            tickets.Add(await Theme(hall).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, $"s{i}", TicketId: i == 1 ? withNumber : null)));
        }

        Assert.Equal(withNumber, tickets[1].TicketId);
        await Window(hall).SignInAsync(new SignIn("s1", "张三"));
        var called = await Window(hall).CallNextAsync();
        Assert.Equal("A001", called.Current?.DisplayNumber);

        await Eventually.Until(
            () => _receiver.Distinct.Any(r => r.Type == WebhookEventTypes.TicketCalled) &&
                  _receiver.Distinct.Count(r => r.Type == WebhookEventTypes.TicketNearTurn) >= 4 &&
                  _receiver.Distinct.Count(r => r.Type == WebhookEventTypes.TicketIssued) == 6,
            Deadline, "the called, near-turn and issued notices arrive");

        var schema = SchemaCheck.Load();
        foreach (var received in _receiver.Received)
        {
            Assert.True(WebhookSignature.Verify(Secret, received.Signature, received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), received.Signature);
            Assert.False(WebhookSignature.Verify("another-secret-of-enough-length", received.Signature, received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
            Assert.Empty(SchemaCheck.Violations(schema, JsonDocument.Parse(received.Body).RootElement));
            Assert.Equal(received.EventId, Read(received, "eventId"));
        }

        var call = Assert.Single(_receiver.Distinct, r => r.Type == WebhookEventTypes.TicketCalled);
        using (var body = JsonDocument.Parse(call.Body))
        {
            var ticket = body.RootElement.GetProperty("ticket");
            Assert.Equal(("A001", 1, "BDC事项"), (ticket.GetProperty("number").GetString(), ticket.GetProperty("window").GetInt32(), ticket.GetProperty("theme").GetProperty("name").GetString()));
            Assert.False(body.RootElement.TryGetProperty("citizen", out _));
        }

        // Near: within 3 ahead. A006 never was (5 ahead, then 4), and each near number got one notice, however many events found it near.
        var near = _receiver.Received.Where(r => r.Type == WebhookEventTypes.TicketNearTurn).ToList();
        var numbers = near.Select(r => Ticket(r).GetProperty("number").GetString()).ToList();
        Assert.Equal(numbers.Distinct().Count(), numbers.Count);
        Assert.Subset(new HashSet<string?>(numbers), new HashSet<string?> { "A002", "A003", "A004", "A005" });
        Assert.DoesNotContain("A006", numbers);
        Assert.All(near, r => Assert.InRange(Ticket(r).GetProperty("peopleAhead").GetInt32(), 0, 3));

        var withPhone = _receiver.Received.Where(r => r.Body.Contains("\"citizen\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(withPhone);
        Assert.All(withPhone, r => Assert.Equal("A002", Ticket(r).GetProperty("number").GetString()));
        Assert.All(withPhone, r => Assert.Equal(phone, JsonDocument.Parse(r.Body).RootElement.GetProperty("citizen").GetProperty("phone").GetString()));
        Assert.Contains(withPhone, r => r.Type == WebhookEventTypes.TicketNearTurn);
        output.WriteLine($"{_receiver.Received.Count} requests, {_receiver.Distinct.Count} events");
    }

    [Fact]
    public async Task AReceiverThatIsDownGetsRetriesAndAfterItReturnsNothingIsLostOrDoubled()
    {
        const string hall = "wh-down";
        await Configure(hall);
        await Register(hall, WebhookEventTypes.TicketIssued, WebhookEventTypes.TicketCalled, WebhookEventTypes.TicketCompleted);
        for (var i = 0; i < 3; i++)
        {
            await Theme(hall).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, $"d{i}"));
        }

        await Window(hall).SignInAsync(new SignIn("s1", "张三"));
        await Window(hall).CallNextAsync();
        await Window(hall).StartServiceAsync();
        await Window(hall).CompleteAsync(new CompleteService(ServiceOutcome.Done, null));
        var webhooks = _cluster.Grains.GetGrain<IHallWebhooksGrain>(hall);
        await Eventually.Until(
            async () => await webhooks.GetDeliveriesAsync(null, 100) is { Count: 5 } log && log.All(d => d.Attempts >= 2 && d.LastError is not null),
            Deadline, "every delivery is retried while nothing listens");
        var failing = await webhooks.GetDeliveriesAsync(null, 100);
        Assert.All(failing, d => Assert.Equal(WebhookDeliveryStatus.Pending, d.Status));
        output.WriteLine($"while down: {string.Join("; ", failing.Select(d => $"{d.Type} attempts {d.Attempts}: {d.LastError}"))}");

        _receiver.Start();
        await Eventually.Until(
            async () => (await webhooks.GetDeliveriesAsync(null, 100)).All(d => d.Status == WebhookDeliveryStatus.Delivered), Deadline, "all delivered once the receiver is back");

        var journal = await _cluster.Grains.GetGrain<IHallGrain>(hall).GetEventsAsync(0, 1000);
        var expected = journal.Select(e => WebhookPlanner.TypeOf(e.Kind) is { } type ? WebhookPayload.EventId(e, type) : null).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, _receiver.CountsByEventId.Keys.Order(StringComparer.Ordinal));
        Assert.All(_receiver.CountsByEventId.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task ASiloRestartInTheMiddleOfADeliveryStillDeliversItOnceInEffect()
    {
        const string hall = "wh-restart";
        _receiver.Start();
        _receiver.Holding = true;
        await Configure(hall);
        await Register(hall, WebhookEventTypes.TicketCalled);
        await Theme(hall).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "r0"));
        await Window(hall).SignInAsync(new SignIn("s1", "张三"));
        await Window(hall).CallNextAsync();
        await Eventually.Until(() => _receiver.Held >= 1, Deadline, "the receiver holds the first request");

        _receiver.Holding = false;
        await _cluster.RestartAsync();
        _receiver.ReleaseHeld();

        var webhooks = _cluster.Grains.GetGrain<IHallWebhooksGrain>(hall);
        await Eventually.Until(
            async () => (await webhooks.GetDeliveriesAsync(null, 10)) is [{ Status: WebhookDeliveryStatus.Delivered }], Deadline, "delivered after the restart");
        var delivery = Assert.Single(await webhooks.GetDeliveriesAsync(null, 10));
        Assert.True(delivery.Attempts >= 2, $"attempts {delivery.Attempts}");
        var (eventId, count) = Assert.Single(_receiver.CountsByEventId);
        Assert.Equal(delivery.EventId, eventId);
        Assert.True(count >= 2, "the request the restart cut off was sent again");
        output.WriteLine($"{count} requests for {eventId}, {delivery.Attempts} attempts");
    }

    [Fact]
    public async Task APhoneGivenForNotificationsIsGoneTheNextDay()
    {
        const string hall = "wh-day";
        await Configure(hall);
        var contacts = _cluster.Grains.GetGrain<IHallContactsGrain>(hall);
        var key = NotifyPhoneSeal.DeriveKey(await _cluster.Grains.GetGrain<ISecretsGrain>(0).GetAsync());
        var ticket = await Theme(hall).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "p0"));
        var sealedPhone = NotifyPhoneSeal.Seal(key, ticket.TicketId, "13912345678");
        await contacts.RememberAsync(ticket.TicketId, "BDC", ticket.DisplayNumber, sealedPhone);
        Assert.Equal("13912345678", NotifyPhoneSeal.Open(key, ticket.TicketId, await contacts.FindAsync(ticket.TicketId)));
        Assert.Null(NotifyPhoneSeal.Open(key, "wh-day.BDC.AAAAAAAAAAAAAAAAAAAAAA", sealedPhone));

        _cluster.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await contacts.FindAsync(ticket.TicketId));
        Assert.Equal(0, await contacts.DropPastAsync());
        await _cluster.RestartAsync();
        Assert.Null(await _cluster.Grains.GetGrain<IHallContactsGrain>(hall).FindAsync(ticket.TicketId));
        Assert.Equal(0, await _cluster.Grains.GetGrain<IHallContactsGrain>(hall).DropPastAsync());
    }

    [Fact]
    public async Task ABookingsConfirmationAndItsRemindersReachARealReceiverSigned()
    {
        const string hall = "wh-booking";
        _receiver.Start();
        await Configure(hall);
        await Register(hall, WebhookEventTypes.BookingConfirmed, WebhookEventTypes.BookingReminder);

        // The fake clock stands at 10:00 on Tuesday 24 November 2026 (Shanghai); the booking is for Wednesday's first free slot.
        var tomorrow = DateOnly.FromDateTime(_cluster.Clock.GetUtcNow().AddHours(8).Date).AddDays(1);
        var day = _cluster.Grains.GetGrain<IBookingGrain>(Contracts.Booking.BookingKeys.Day(hall, tomorrow));
        var slot = (await day.GetSlotsAsync("BDC")).Single().Slots.First(s => s.Booked < s.Capacity);
        var booking = await day.BookAsync(new Contracts.Booking.BookAppointment("BDC", slot.Start, "citizen-key-1", "张*", IssueChannel.Mobile));

        await Eventually.Until(
            () => _receiver.Distinct.Count(r => r.Type == WebhookEventTypes.BookingReminder) == 2 && _receiver.Distinct.Any(r => r.Type == WebhookEventTypes.BookingConfirmed),
            Deadline, "the confirmation and both reminders arrive");

        var schema = SchemaCheck.Load();
        foreach (var received in _receiver.Received)
        {
            Assert.True(WebhookSignature.Verify(Secret, received.Signature, received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), received.Signature);
            Assert.Empty(SchemaCheck.Violations(schema, JsonDocument.Parse(received.Body).RootElement));
            using var body = JsonDocument.Parse(received.Body);
            var b = body.RootElement.GetProperty("booking");
            Assert.Equal((booking.BookingId, slot.Start), (b.GetProperty("bookingId").GetString(), b.GetProperty("slotStart").GetDateTimeOffset()));
        }

        var deliveries = await _cluster.Grains.GetGrain<IHallWebhooksGrain>(hall).GetDeliveriesAsync(null, 10);
        output.WriteLine(string.Join("; ", deliveries.Select(d => $"{d.Type} {d.EventId} {d.Status}")));
        var reminders = _receiver.Distinct.Where(r => r.Type == WebhookEventTypes.BookingReminder).OrderBy(r => r.EventId, StringComparer.Ordinal).ToList();
        var prefix = $"{hall}:booking:{booking.BookingId}:{slot.Start.ToUnixTimeSeconds()}:";
        Assert.Equal([prefix + "evening-before", prefix + "hour-before"], reminders.Select(r => r.EventId));

        // Due at 18:00 hall time the evening before (10:00 UTC) and one hour before the slot, as the payload's time says.
        var evening = new DateTimeOffset(tomorrow.AddDays(-1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        Assert.Equal([evening, slot.Start.AddHours(-1)], reminders.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("occurredAt").GetDateTimeOffset()));
    }

    private static string? Read(ReceivedWebhook received, string property) => JsonDocument.Parse(received.Body).RootElement.GetProperty(property).GetString();

    private static JsonElement Ticket(ReceivedWebhook received) => JsonDocument.Parse(received.Body).RootElement.GetProperty("ticket").Clone();

    private Task Configure(string hall) =>
        _cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(TestHalls.Small(hall, ["BDC"], WindowProfile.Comprehensive));

    private Task<WebhookEndpoint> Register(string hall, params string[] types) =>
        _cluster.Grains.GetGrain<IHallWebhooksGrain>(hall).AddAsync(
            new WebhookEndpointSettings(_receiver.Url, Secret, [.. types], Enabled: true, NearTurnAhead: 3), "test");

    private IThemeQueueGrain Theme(string hall) => _cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hall, "BDC"));

    private IWindowGrain Window(string hall) => _cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hall, 1));
}

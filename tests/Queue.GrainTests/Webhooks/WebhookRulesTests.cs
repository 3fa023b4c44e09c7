using System.Text.Json;
using Queue.Contracts.Config;
using Queue.Contracts.Webhooks;
using Queue.Engine.Webhooks;

namespace Queue.GrainTests.Webhooks;

/// <summary>The webhook rules that need no silo: the signature, the reminders' times, the payloads against the documented schema.</summary>
public sealed class WebhookRulesTests
{
    [Fact]
    public void ASignatureVerifiesForItsBodyAndSecretOnlyAndWithinTheTolerance()
    {
        var now = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
        const string body = """{"eventId":"binjiang:7:ticket.called"}""";
        var header = WebhookSignature.Sign("secret-of-sixteen+", now.ToUnixTimeSeconds(), body);

        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.Verify("secret-of-sixteen+", header, body, now.AddMinutes(4), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret-of-sixteen+", header, body + " ", now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret-of-sixteen-", header, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret-of-sixteen+", header, body, now.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret-of-sixteen+", null, body, now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void ABookingIsRemindedAtSixTheEveningBeforeAndAnHourBeforeItsSlotInTheHallsTime()
    {
        // A 09:30 slot on Wednesday 9 December 2026 in Shanghai (01:30 UTC).
        var slot = new DateTimeOffset(2026, 12, 9, 1, 30, 0, TimeSpan.Zero);
        var early = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

        var reminders = BookingWebhooks.Reminders(slot, HallConfig.DefaultTimeZone, early);

        Assert.Equal(
            [(BookingWebhooks.EveningReminder, new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero)), (BookingWebhooks.HourReminder, slot.AddHours(-1))],
            reminders);
        // Booked at 19:00 the evening before: only the hour's reminder is still ahead.
        Assert.Equal([BookingWebhooks.HourReminder], BookingWebhooks.Reminders(slot, HallConfig.DefaultTimeZone, new DateTimeOffset(2026, 12, 8, 11, 0, 0, TimeSpan.Zero)).Select(r => r.Name));
    }

    [Fact]
    public void EveryKindOfPayloadValidatesAgainstTheDocumentedSchema()
    {
        var schema = SchemaCheck.Load();
        var at = new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);
        var hall = TestHalls.Small("binjiang", ["BDC"], Contracts.Model.WindowProfile.Comprehensive);
        var booking = new BookingFacts("b123", "K7Q2", "BDC", at.AddDays(1), BookingWebhooks.HourReminder);
        string[] payloads =
        [
            WebhookPayload.Ticket("binjiang:1:ticket.called", WebhookEventTypes.TicketCalled, at, hall, "binjiang", "BDC", "A001", 3, null),
            WebhookPayload.WithPhone(WebhookPayload.Ticket("x", WebhookEventTypes.TicketNearTurn, at, hall, "binjiang", "BDC", "A004", null, 3), "13812345678"),
            WebhookPayload.Booking("binjiang:9:booking.reminder", WebhookEventTypes.BookingReminder, at, hall, "binjiang", booking),
            WebhookPayload.Test("binjiang:test:1", at, "binjiang"),
        ];

        Assert.All(payloads, p => Assert.Empty(SchemaCheck.Violations(schema, JsonDocument.Parse(p).RootElement)));
        // and the check does check: an unknown type, a stray property and a malformed phone are caught.
        Assert.NotEmpty(SchemaCheck.Violations(schema, JsonDocument.Parse(payloads[0].Replace("ticket.called", "ticket.teleported", StringComparison.Ordinal)).RootElement));
        Assert.NotEmpty(SchemaCheck.Violations(schema, JsonDocument.Parse(payloads[0].Replace("\"version\":1", "\"version\":1,\"extra\":0", StringComparison.Ordinal)).RootElement));
        Assert.NotEmpty(SchemaCheck.Violations(schema, JsonDocument.Parse(payloads[1].Replace("13812345678", "1381234", StringComparison.Ordinal)).RootElement));
    }

    [Fact]
    public void EverySubscribableTypeIsInTheSchemasList()
    {
        var listed = SchemaCheck.Load().GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal([.. WebhookEventTypes.Subscribable, WebhookEventTypes.Test], listed);
    }
}

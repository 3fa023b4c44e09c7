using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Queue.Contracts.Config;
using Queue.Contracts.Events;

namespace Queue.Engine.Webhooks;

/// <summary>
/// The JSON a receiver gets (documented as a JSON Schema in docs/webhooks.md, which a test checks real payloads
/// against). Built once when the delivery is planned and stored without the citizen's phone; the phone, when one was
/// given for notifications, is added at sending time (<see cref="WithPhone"/>).
/// </summary>
public static class WebhookPayload
{
    public const int Version = 1;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The event id of a journaled event: stable across re-plans, so receivers dedupe by it.</summary>
    public static string EventId(HallEvent e, string type) => string.Create(CultureInfo.InvariantCulture, $"{e.HallId}:{e.Sequence}:{type}");

    /// <summary>A near-turn notice is sent once per ticket and endpoint: its id names the day and the ticket's number.</summary>
    public static string NearTurnId(string hallId, DateOnly day, string themeCode, string number) =>
        string.Create(CultureInfo.InvariantCulture, $"{hallId}:{day:yyyy-MM-dd}:{themeCode}:{number}:{Contracts.Webhooks.WebhookEventTypes.TicketNearTurn}");

    public static string Ticket(
        string eventId, string type, DateTimeOffset occurredAt, HallConfig? hall, string hallId, string themeCode, string? number, int? window, int? peopleAhead)
    {
        var root = Envelope(eventId, type, occurredAt, hall, hallId);
        var theme = hall?.Themes.FirstOrDefault(t => t.Code == themeCode);
        root["ticket"] = new JsonObject
        {
            ["number"] = number,
            ["theme"] = new JsonObject { ["code"] = themeCode, ["name"] = theme?.Name, ["nameEn"] = theme?.NameEn },
            ["window"] = window,
            ["peopleAhead"] = peopleAhead,
        };
        return root.ToJsonString(Compact);
    }

    public static string Booking(string eventId, string type, DateTimeOffset occurredAt, HallConfig? hall, string hallId, BookingFacts booking)
    {
        var root = Envelope(eventId, type, occurredAt, hall, hallId);
        var theme = hall?.Themes.FirstOrDefault(t => t.Code == booking.ThemeCode);
        root["booking"] = new JsonObject
        {
            ["bookingId"] = booking.BookingId,
            ["code"] = booking.Code,
            ["theme"] = new JsonObject { ["code"] = booking.ThemeCode, ["name"] = theme?.Name, ["nameEn"] = theme?.NameEn },
            ["slotStart"] = booking.SlotStart,
            ["reminder"] = booking.Reminder,
        };
        return root.ToJsonString(Compact);
    }

    public static string Test(string eventId, DateTimeOffset occurredAt, string hallId) =>
        Envelope(eventId, Contracts.Webhooks.WebhookEventTypes.Test, occurredAt, hall: null, hallId).ToJsonString(Compact);

    /// <summary>The stored body with the citizen's phone added (<c>citizen.phone</c>); the body unchanged without one.</summary>
    public static string WithPhone(string body, string? phone)
    {
        if (phone is null)
        {
            return body;
        }

        var root = JsonNode.Parse(body)!.AsObject();
        root["citizen"] = new JsonObject { ["phone"] = phone };
        return root.ToJsonString(Compact);
    }

    private static JsonObject Envelope(string eventId, string type, DateTimeOffset occurredAt, HallConfig? hall, string hallId) => new()
    {
        ["version"] = Version,
        ["eventId"] = eventId,
        ["type"] = type,
        ["occurredAt"] = occurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["hall"] = new JsonObject { ["id"] = hallId, ["name"] = hall?.Name, ["nameEn"] = hall?.NameEn },
    };
}

using System.Net;
using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Booking;

namespace Queue.WebTests.Http;

/// <summary>Steps of the appointment API for tests: a hall's next free slots, a booking, a check-in.</summary>
public static class BookingApi
{
    /// <summary>The theme's slots still to start, today first (a hall that does not enforce opening hours has them all day).</summary>
    public static async Task<List<BookingSlot>> Slots(this QueueApi api, string hallId, string theme = "AA")
    {
        var calendar = await QueueApi.Checked<JsonElement>(api.Get($"/api/halls/{hallId}/booking/slots?theme={theme}"), HttpStatusCode.OK);
        return [.. calendar.GetProperty("themes")[0].GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("slots").Deserialize<List<BookingSlot>>(QueueJson.Options)!)];
    }

    public static Task<HttpResponseMessage> Book(this QueueApi api, string hallId, DateTimeOffset slot, string phone, string theme = "AA") =>
        api.Post($"/api/halls/{hallId}/bookings", new { theme, slotStart = slot, phone, name = "张三" });

    public static Task<BookingView> Booked(this QueueApi api, string hallId, DateTimeOffset slot, string phone, string theme = "AA") =>
        QueueApi.Checked<BookingView>(api.Book(hallId, slot, phone, theme), HttpStatusCode.Created);

    public static string Path(BookingView booking) => $"/api/bookings/{booking.BookingId}?k={Uri.EscapeDataString(booking.AccessKey!)}";

    /// <summary>A fresh small hall with one booking of the next AA slot today (its check-in window is open: slots are 30 minutes).</summary>
    public static async Task<(string HallId, BookingView Booking)> HallWithBooking(this QueueApi api, string phone = "13800138000")
    {
        var hallId = await api.NewHall();
        var slot = (await api.Slots(hallId))[0];
        return (hallId, await api.Booked(hallId, slot.Start, phone));
    }
}

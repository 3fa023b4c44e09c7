using Queue.Contracts.Booking;

namespace Queue.Contracts.Grains;

/// <summary>
/// A hall's appointments for one day (key: <c>BookingKeys.Day(hall, date)</c>, "binjiang/2026-12-07"): the day's slots with
/// their free places, bookings, changes and check-ins. Ids and keys are the web tier's business: the grain trusts that a
/// caller holding a booking id proved possession of it.
/// </summary>
[Alias("Queue.IBookingGrain")]
public interface IBookingGrain : IGrainWithStringKey
{
    /// <summary>Every theme's slots that day, or only <paramref name="themeCode"/>'s.</summary>
    [Alias("GetSlots")]
    Task<IReadOnlyList<ThemeSlots>> GetSlotsAsync(string? themeCode);

    [Alias("Book")]
    Task<BookingView> BookAsync(BookAppointment command);

    [Alias("Get")]
    Task<BookingView> GetAsync(string bookingId);

    [Alias("Cancel")]
    Task<BookingView> CancelAsync(string bookingId);

    /// <summary>Move the booking to the slot at <paramref name="slotStart"/> (this day or another): answers the new booking.</summary>
    [Alias("Reschedule")]
    Task<BookingView> RescheduleAsync(string bookingId, DateTimeOffset slotStart);

    /// <summary>
    /// Check in today's booking named by its id, its code or its citizen's key (the first given): on time an appointment
    /// ticket, late an ordinary one, too early refused saying when.
    /// </summary>
    [Alias("CheckIn")]
    Task<CheckInResult> CheckInAsync(string? bookingId, string? code, string? citizenKey);
}

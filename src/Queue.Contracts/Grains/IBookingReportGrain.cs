using Queue.Contracts.Booking;

namespace Queue.Contracts.Grains;

/// <summary>A hall's appointments report (key: hall id), read from the journal on the silo; stateless.</summary>
[Alias("Queue.IBookingReportGrain")]
public interface IBookingReportGrain : IGrainWithStringKey
{
    /// <summary>Slot days <paramref name="from"/>..<paramref name="to"/> inclusive (defaults: the 7 days up to today), at most 92 days.</summary>
    [Alias("Get")]
    Task<BookingReport> GetAsync(DateOnly? from, DateOnly? to);
}

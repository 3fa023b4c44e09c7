using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.Contracts.Booking;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Domain.Analytics;
using Queue.Domain.Booking;
using Queue.Engine.Persistence;
using Queue.Engine.TimeSeries;
using Queue.Hosting;

namespace Queue.Engine.Grains;

/// <summary>
/// One hall's day of appointments: loads the day's bookings, asks <see cref="BookingDay"/> (the rules), saves the bookings
/// with their hall events in one write. Slot capacities read the day's tidal advice when the manager has one, else a
/// forecast made here from the hall's history (the same <see cref="TidalAdvisor"/>), kept for ten minutes. A check-in
/// issues its ticket with the request id "booking/{id}", so a retry after a failed save finds the same ticket.
/// </summary>
public sealed class BookingGrain(
    [PersistentState("booking", QueueGrainStorage.ProviderName)] IPersistentState<BookingDayState> state,
    ITimeSeriesStore timeSeries,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<BookingDayState>(state), IBookingGrain
{
    private static readonly TimeSpan AdviceFreshFor = TimeSpan.FromMinutes(10);
    private (TidalAdvice? Advice, DateTimeOffset At)? _advice;

    private (string HallId, DateOnly Date) Key => BookingKeys.ParseDay(this.GetPrimaryKeyString());

    public async Task<IReadOnlyList<ThemeSlots>> GetSlotsAsync(string? themeCode)
    {
        var (hall, day) = await Day();
        var codes = themeCode is null ? hall.ThemeCodes : [hall.FindTheme(themeCode)?.Code ?? throw Refusals.ThemeNotFound(themeCode, hall.HallId)];
        return [.. codes.Select(day.Slots)];
    }

    public async Task<BookingView> BookAsync(BookAppointment command)
    {
        var (_, day) = await Day();
        var booking = day.Book(command);
        await SaveAsync();
        return day.View(booking);
    }

    public async Task<BookingView> GetAsync(string bookingId)
    {
        var (_, day) = await Day();
        return day.View(day.Get(bookingId));
    }

    public async Task<BookingView> CancelAsync(string bookingId)
    {
        var (_, day) = await Day();
        var booking = day.Cancel(bookingId);
        await SaveAsync();
        return day.View(booking);
    }

    public async Task<BookingView> RescheduleAsync(string bookingId, DateTimeOffset slotStart)
    {
        var (hall, day) = await Day();
        var old = day.Changeable(bookingId);
        var command = new BookAppointment(old.ThemeCode, slotStart, old.CitizenKey, old.CitizenName, old.Channel, old.StaffId);
        var target = BusinessClock.Day(slotStart, hall.TimeZone);
        BookingView moved;
        if (target == Key.Date)
        {
            moved = day.View(day.Book(command, replacing: bookingId));
        }
        else
        {
            // The other day books first (its refusals leave this booking as it was); this one then frees its slot.
            moved = await GrainFactory.GetGrain<IBookingGrain>(BookingKeys.Day(Key.HallId, target)).BookAsync(command);
        }

        day.Moved(bookingId, moved.BookingId);
        await SaveAsync();
        return moved;
    }

    public async Task<CheckInResult> CheckInAsync(string? bookingId, string? code, string? citizenKey)
    {
        var (_, day) = await Day();
        var booking = bookingId is not null ? day.Get(bookingId) : day.FindForCheckIn(code, citizenKey);
        var (command, late) = day.PlanCheckIn(booking.BookingId);
        var ticket = await GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(Key.HallId, booking.ThemeCode)).IssueAsync(command);
        // The issue may have taken a while: the rules run again at the instant of the check-in's save.
        (_, day) = await Day();
        day.CheckedIn(booking.BookingId, ticket, late);
        await SaveAsync();
        return new CheckInResult(day.View(booking), ticket);
    }

    private async Task<(HallConfig Hall, BookingDay Day)> Day()
    {
        var (hallId, date) = Key;
        var hall = await GrainFactory.GetGrain<IHallGrain>(hallId).GetConfigAsync() ?? throw HallNotFound(hallId);
        var now = clock.GetUtcNow();
        return (hall, new BookingDay(State, hall, date, now, await Advice(hall, date, now)));
    }

    /// <summary>The manager's tidal advice for the day, else a forecast from the history (null when there is none to read).</summary>
    private async Task<TidalAdvice?> Advice(HallConfig hall, DateOnly date, DateTimeOffset now)
    {
        if (_advice is { } cached && now - cached.At < AdviceFreshFor)
        {
            return cached.Advice;
        }

        var advice = await GrainFactory.GetGrain<ITidalPlanGrain>(hall.HallId).GetAsync(date);
        if (advice is null)
        {
            var (arrivals, services) = await timeSeries.ReadForecastHistoryAsync(hall.HallId, date, BusinessClock.Zone(hall.TimeZone));
            advice = arrivals.Count == 0 ? null : TidalAdvisor.Advise(hall, arrivals, services, date, now);
        }

        _advice = (advice, now);
        return advice;
    }
}

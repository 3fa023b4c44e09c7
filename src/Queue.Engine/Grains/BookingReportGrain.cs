using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Queue.Contracts.Booking;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Domain.Booking;
using Queue.Engine.Persistence;
using Queue.Engine.TimeSeries;
using Queue.Hosting;

namespace Queue.Engine.Grains;

/// <summary>
/// The appointments report of a hall from its journal: the period's days, read from as many days before as bookings may be
/// made ahead (a booking's confirmation precedes its slot), then <see cref="BookingFigures"/>. Stateless, reads only.
/// </summary>
[StatelessWorker]
public sealed class BookingReportGrain(IStateStore journal, [FromKeyedServices(QueueClock.Key)] TimeProvider clock) : Grain, IBookingReportGrain
{
    public const int MaxDays = 92;

    public async Task<BookingReport> GetAsync(DateOnly? from, DateOnly? to)
    {
        var hallId = this.GetPrimaryKeyString();
        var hall = await GrainFactory.GetGrain<IHallGrain>(hallId).GetConfigAsync() ?? throw Refusals.HallNotFound(hallId);
        var now = clock.GetUtcNow();
        var zone = BusinessClock.Zone(hall.TimeZone);
        var end = to ?? BusinessClock.Day(now, zone);
        var start = from ?? end.AddDays(-6);
        if (start > end)
        {
            throw Refusals.RangeReversed();
        }

        if (end.DayNumber - start.DayNumber >= MaxDays)
        {
            throw Refusals.RangeTooLong(MaxDays);
        }

        var settings = hall.BookingSettingsOrDefault();
        var (first, last) = TimeSeriesQueries.Range(start.AddDays(-settings.DaysAhead - 1), end, zone);
        var events = await JournalDay.ReadAsync(journal, hallId, first, last);
        return BookingFigures.Report(hallId, start, end, events, zone, now, settings.CheckInLateMinutes);
    }
}

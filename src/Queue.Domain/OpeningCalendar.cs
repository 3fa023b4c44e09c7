using Queue.Contracts.Config;

namespace Queue.Domain;

/// <summary>
/// When a hall's zone is open, from its <see cref="HallCalendar"/> (weekly periods, zone overrides, closed dates and
/// 调休 working days over the shipped <see cref="HolidayCalendar"/>) or, without one, from the hall's single
/// Opens–Closes pair every day. Pure: every answer is for a given instant, in the hall's time zone.
/// </summary>
public sealed partial class OpeningCalendar
{
    /// <summary>How far <see cref="NextOpening"/> looks ahead, in days.</summary>
    public const int HorizonDays = 400;

    /// <summary>How far a period that runs on across midnights (a 24-hour zone) is followed to find its closing, in days.</summary>
    public const int ClosingLookAheadDays = 7;

    private readonly HallConfig hall;
    private readonly Dictionary<DateOnly, ClosedDate> closed = [];
    private readonly Dictionary<DateOnly, WorkingDate> working = [];
    private readonly Dictionary<string, ZoneCalendar> zones = [];

    public OpeningCalendar(HallConfig hall)
    {
        this.hall = hall;
        TimeZone = BusinessClock.Zone(hall.TimeZone);
        if (hall.Calendar is not { } calendar)
        {
            return;
        }

        if (calendar.UseDefaultHolidays)
        {
            Add(HolidayCalendar.Closed, HolidayCalendar.WorkingDays);
        }

        // The hall's own dates come after the shipped ones and win over them.
        Add(calendar.Closed.IsDefault ? [] : calendar.Closed, calendar.WorkingDays.IsDefault ? [] : calendar.WorkingDays);
        foreach (var zone in calendar.Zones.IsDefault ? [] : calendar.Zones)
        {
            zones[zone.ZoneId] = zone;
        }
    }

    /// <summary>The hall's calendar when it enforces its opening hours, else null (always open).</summary>
    public static OpeningCalendar? For(HallConfig hall) => hall.EnforceOpeningHours ? new OpeningCalendar(hall) : null;

    public TimeZoneInfo TimeZone { get; }

    /// <summary>True when the hall has a calendar (cut-offs apply); false for the legacy single pair of hours.</summary>
    public bool HasCalendar => hall.Calendar is not null;

    /// <summary>The closed date's entry (a holiday) when <paramref name="date"/> is one for the zone, else null.</summary>
    public ClosedDate? Holiday(string? zoneId, DateOnly date) =>
        HasCalendar && !IgnoresHolidays(zoneId) && !working.ContainsKey(date) && closed.TryGetValue(date, out var entry) ? entry : null;

    /// <summary>The zone's periods on a local date, in order (none on a closed date; a 调休 day takes its weekday's).</summary>
    public IReadOnlyList<LocalPeriod> Periods(string? zoneId, DateOnly date)
    {
        if (hall.Calendar is not { } calendar)
        {
            return [new LocalPeriod(hall.Opens, hall.Closes, null)];
        }

        var zone = zoneId is not null && zones.TryGetValue(zoneId, out var z) ? z : null;
        var week = zone?.Week ?? calendar.Week;
        var day = date.DayOfWeek;
        if (zone is not { IgnoresHolidays: true })
        {
            if (working.TryGetValue(date, out var makeUp))
            {
                day = makeUp.Follows;
            }
            else if (closed.ContainsKey(date))
            {
                return [];
            }
        }

        return [.. (week.IsDefault ? [] : week).Where(p => p.Day == day).Select(p => new LocalPeriod(p.Opens, p.Closes, p.Label)).OrderBy(p => p.Opens)];
    }

    /// <summary>The zone's periods on a local date as instants.</summary>
    public IReadOnlyList<OpenSpan> Spans(string? zoneId, DateOnly date) =>
        [.. Periods(zoneId, date).Select(p => new OpenSpan(Instant(date, p.Start), Instant(date, p.End), p.Label))];

    public bool IsOpen(string? zoneId, DateTimeOffset at) => Spans(zoneId, BusinessClock.Day(at, TimeZone)).Any(s => s.From <= at && at < s.To);

    /// <summary>The first instant at or after <paramref name="at"/> when the zone is open, or null within <see cref="HorizonDays"/>.</summary>
    public DateTimeOffset? NextOpening(string? zoneId, DateTimeOffset at)
    {
        var day = BusinessClock.Day(at, TimeZone);
        for (var i = 0; i < HorizonDays; i++)
        {
            foreach (var span in Spans(zoneId, day.AddDays(i)))
            {
                if (span.To > at)
                {
                    return span.From > at ? span.From : at;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The closing of the period open at <paramref name="at"/> (periods that touch count as one, across midnight too),
    /// or null when the zone is closed then. A zone that never closes reports the end of <see cref="ClosingLookAheadDays"/>.
    /// </summary>
    public DateTimeOffset? Closing(string? zoneId, DateTimeOffset at)
    {
        var day = BusinessClock.Day(at, TimeZone);
        DateTimeOffset? closing = null;
        for (var i = 0; i <= ClosingLookAheadDays; i++)
        {
            foreach (var span in Spans(zoneId, day.AddDays(i)))
            {
                if (closing is null)
                {
                    if (span.From <= at && at < span.To)
                    {
                        closing = span.To;
                    }
                }
                else if (span.From <= closing)
                {
                    closing = span.To > closing ? span.To : closing;
                }
                else
                {
                    return closing;
                }
            }

            if (closing is null)
            {
                return null;
            }
        }

        return closing;
    }

    /// <summary>The time the zone is open between two instants (business minutes: <c>.TotalMinutes</c>).</summary>
    public TimeSpan BusinessTime(string? zoneId, DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        var last = BusinessClock.Day(to, TimeZone);
        for (var day = BusinessClock.Day(from, TimeZone); day <= last; day = day.AddDays(1))
        {
            foreach (var span in Spans(zoneId, day))
            {
                var start = span.From > from ? span.From : from;
                var end = span.To < to ? span.To : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>The local instant of a date and a time of day (up to 24:00); a time skipped by a DST change moves on to the first one that exists.</summary>
    private DateTimeOffset Instant(DateOnly date, TimeSpan sinceMidnight)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + sinceMidnight;
        for (var i = 0; i < 240 && TimeZone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    private bool IgnoresHolidays(string? zoneId) => zoneId is not null && zones.TryGetValue(zoneId, out var zone) && zone.IgnoresHolidays;

    private void Add(IEnumerable<ClosedDate> closedDates, IEnumerable<WorkingDate> workingDates)
    {
        foreach (var date in closedDates)
        {
            working.Remove(date.Date);
            closed[date.Date] = date;
        }

        foreach (var date in workingDates)
        {
            closed.Remove(date.Date);
            working[date.Date] = date;
        }
    }
}

/// <summary>A period of a local date; <see cref="Closes"/> 00:00 is midnight at the end of the day.</summary>
public readonly record struct LocalPeriod(TimeOnly Opens, TimeOnly Closes, string? Label)
{
    public TimeSpan Start => Opens.ToTimeSpan();

    public TimeSpan End => Closes == TimeOnly.MinValue ? TimeSpan.FromDays(1) : Closes.ToTimeSpan();
}

/// <summary>An open period as instants.</summary>
public readonly record struct OpenSpan(DateTimeOffset From, DateTimeOffset To, string? Label);

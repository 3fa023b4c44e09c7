using System.Collections.Immutable;
using System.Globalization;
using Queue.Contracts.Config;
using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>Checks a hall's calendar: periods that end after they start and do not overlap, known zones, sane dates.</summary>
public static partial class HallConfigValidator
{
    public const int MaxCalendarPeriods = 7 * 8 * 20;
    public const int MaxCalendarDates = 2000;

    /// <summary>Checks the calendar against the hall's zones and returns it with missing lists made empty.</summary>
    public static HallCalendar ValidateCalendar(HallCalendar calendar, IReadOnlySet<string> zoneIds)
    {
        var week = calendar.Week.IsDefault ? [] : calendar.Week;
        var zones = calendar.Zones.IsDefault ? [] : calendar.Zones;
        var closed = calendar.Closed.IsDefault ? [] : calendar.Closed;
        var working = calendar.WorkingDays.IsDefault ? [] : calendar.WorkingDays;
        var periods = week.Length + zones.Sum(z => z?.Week.IsDefault == false ? z.Week.Length : 0);
        Check(periods <= MaxCalendarPeriods && closed.Length + working.Length <= MaxCalendarDates, () => Refusals.CalendarSize(MaxCalendarPeriods, MaxCalendarDates));
        CheckWeek(week, "hall");
        foreach (var zone in zones)
        {
            Check(zone is not null && zone.ZoneId is not null && zoneIds.Contains(zone.ZoneId), () => Refusals.CalendarZone(zone?.ZoneId));
            CheckWeek(zone!.Week.IsDefault ? [] : zone.Week, zone.ZoneId ?? "");
        }

        Unique(zones.Select(z => z.ZoneId), Refusals.CalendarZone);
        var dates = closed.Select(c => c?.Date).Concat(working.Select(w => w?.Date)).ToList();
        foreach (var date in dates)
        {
            Check(date is { Year: >= 2000 and <= 2100 }, () => Refusals.CalendarDate(Text(date)));
        }

        Unique(dates.Select(Text), d => Refusals.CalendarDate(d ?? ""));
        foreach (var day in working)
        {
            Check(Enum.IsDefined(day.Follows), () => Refusals.CalendarDate(Text(day.Date)));
        }

        return calendar with
        {
            Week = week,
            Zones = [.. zones.Select(z => z.Week.IsDefault ? z with { Week = [] } : z)],
            Closed = closed,
            WorkingDays = working,
        };
    }

    private static void CheckWeek(ImmutableArray<OpeningPeriod> week, string where)
    {
        foreach (var period in week)
        {
            Check(period is not null && Enum.IsDefined(period.Day), () => Refusals.CalendarPeriod(period?.Day.ToString() ?? "?", "", ""));
            var local = new LocalPeriod(period!.Opens, period.Closes, period.Label);
            Check(local.Start < local.End, () => Refusals.CalendarPeriod(period.Day.ToString(), Time(period.Opens), Time(period.Closes)));
            CheckName(period.Label, "calendar-label");
        }

        foreach (var day in week.GroupBy(p => p.Day))
        {
            var ordered = day.Select(p => new LocalPeriod(p.Opens, p.Closes, p.Label)).OrderBy(p => p.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Check(ordered[i].Start >= ordered[i - 1].End, () => Refusals.CalendarOverlap(day.Key.ToString(), where));
            }
        }
    }

    private static string Time(TimeOnly time) => time.ToString("HH\\:mm", CultureInfo.InvariantCulture);

    private static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

namespace Queue.Domain;

/// <summary>
/// Working days (工作日) for deadlines counted in them, such as a 差评's follow-up within 5 working days: Monday to Friday,
/// less the closed dates (public holidays), plus the 调休 working days, from the hall's calendar over the shipped holidays;
/// a hall without a calendar counts Monday to Friday. Hall-wide: a zone's own week (a 24-hour zone) does not make a
/// Sunday a working day, and a Saturday service is not one either.
/// </summary>
public sealed partial class OpeningCalendar
{
    public bool IsWorkingDay(DateOnly date)
    {
        if (HasCalendar)
        {
            if (working.ContainsKey(date))
            {
                return true;
            }

            if (closed.ContainsKey(date))
            {
                return false;
            }
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The <paramref name="count"/>th working day after <paramref name="from"/> (<paramref name="from"/> itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = from;
        for (var found = 0; found < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                found++;
            }
        }

        return day;
    }
}

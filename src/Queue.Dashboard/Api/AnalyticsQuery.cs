using System.Globalization;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;

namespace Queue.Dashboard.Api;

/// <summary>
/// The query and route values of the analytics, charts and advice (dates as yyyy-MM-dd between the years 2000 and 2100,
/// a number of weeks, a range of dates), each refused with a 400 in Chinese and English.
/// </summary>
public static class AnalyticsQuery
{
    public const int MaxWeeks = 52;
    public const int MaxRangeDays = 366;

    public static DateOnly? Date(string? value, string field = "date") =>
        string.IsNullOrWhiteSpace(value) ? null : ParseDate(value, field);

    public static int Weeks(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 8;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && weeks is >= 1 and <= MaxWeeks
            ? weeks
            : throw Refusals.InvalidNumber("weeks", 1, MaxWeeks);
    }

    /// <summary>An inclusive range; either end may be left out (the grain then takes the 28 days up to today, or up to <c>to</c>).</summary>
    public static (DateOnly? From, DateOnly? To) Range(string? from, string? to)
    {
        var start = Date(from, "from");
        var end = Date(to, "to");
        if (start is { } a && end is { } b)
        {
            Check(a, b);
        }

        return (start, end);
    }

    /// <summary>Refuses a range that runs backwards or spans more than <see cref="MaxRangeDays"/> days.</summary>
    public static void Check(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw Refusals.RangeReversed();
        }

        if (to.DayNumber - from.DayNumber >= MaxRangeDays)
        {
            throw Refusals.RangeTooLong(MaxRangeDays);
        }
    }

    public static string? Theme(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : RequestRules.ThemeCode(value);

    /// <summary>A date that is required (a route value).</summary>
    public static DateOnly RequiredDate(string value, string field = "date") => ParseDate(value, field);

    // Years far from now would overflow the history windows (weeks before, days after); no hall has data there.
    private static DateOnly ParseDate(string value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100
            ? date
            : throw Refusals.InvalidDate(field);
}

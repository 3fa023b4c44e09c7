using System.Collections.Immutable;

namespace Queue.Contracts.Config;

/// <summary>
/// One opening period of a weekday, in the hall's local time: e.g. Monday 08:30–12:00. <see cref="Closes"/> 00:00 means
/// midnight at the end of the day (24:00), so that a 24-hour zone is 00:00–00:00 every day.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OpeningPeriod(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeOnly Opens,
    [property: Id(2)] TimeOnly Closes,
    [property: Id(3)] string? Label = null);

/// <summary>
/// A zone's own week (e.g. a 24小时不打烊 self-service zone) that replaces the hall's week for that zone's themes;
/// with <see cref="IgnoresHolidays"/> it keeps its week on closed days too.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ZoneCalendar(
    [property: Id(0)] string ZoneId,
    [property: Id(1)] ImmutableArray<OpeningPeriod> Week,
    [property: Id(2)] bool IgnoresHolidays = false);

/// <summary>A closed date (a public holiday, 放假) with its name.</summary>
[GenerateSerializer, Immutable]
public sealed record ClosedDate(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string? Name = null);

/// <summary>A make-up working day (调休上班), usually a weekend date, that keeps the periods of <see cref="Follows"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkingDate(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] DayOfWeek Follows,
    [property: Id(2)] string? Name = null);

/// <summary>
/// A hall's opening calendar: the weekly periods (several a day: a lunch-hour service, Saturday service, 夜市办
/// evenings), zone overrides, the hall's own closed and make-up days and, with <see cref="UseDefaultHolidays"/>,
/// the shipped State Council holiday calendar (Queue.Domain's Holidays.json) under them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HallCalendar(
    [property: Id(0)] ImmutableArray<OpeningPeriod> Week,
    [property: Id(1)] ImmutableArray<ZoneCalendar> Zones,
    [property: Id(2)] ImmutableArray<ClosedDate> Closed,
    [property: Id(3)] ImmutableArray<WorkingDate> WorkingDays,
    [property: Id(4)] bool UseDefaultHolidays = true)
{
    /// <summary>A week alone, over the shipped holidays.</summary>
    public static HallCalendar Weekly(ImmutableArray<OpeningPeriod> week) => new(week, [], [], []);
}

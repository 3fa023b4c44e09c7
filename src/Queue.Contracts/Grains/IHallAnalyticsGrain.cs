using Queue.Contracts.Analytics;

namespace Queue.Contracts.Grains;

/// <summary>
/// A hall's analytics (key: hall id), read from the silo's time-series store and journal: the only way the web tier
/// reaches them, since a web node in a cluster holds no store. A stateless worker: reads only, any silo, in parallel.
/// Dates are in the hall's time zone; an unknown hall is refused with hall-not-found.
/// </summary>
[Alias("Queue.IHallAnalyticsGrain")]
public interface IHallAnalyticsGrain : IGrainWithStringKey
{
    [Alias("GetKpis")]
    Task<HallKpis> GetKpisAsync(DateOnly? date);

    [Alias("GetDayByHour")]
    Task<DayByHour> GetDayByHourAsync(DateOnly? date);

    /// <summary>Weekday × half-hour arrivals over the <paramref name="weeks"/> weeks up to yesterday; all themes when <paramref name="theme"/> is null.</summary>
    [Alias("GetArrivalPattern")]
    Task<ArrivalPattern> GetArrivalPatternAsync(int weeks, string? theme);

    /// <summary>Over the inclusive range; <paramref name="to"/> defaults to today and <paramref name="from"/> to 27 days before it.</summary>
    [Alias("GetQuality")]
    Task<QualityReport> GetQualityAsync(DateOnly? from, DateOnly? to);

    [Alias("GetNotDone")]
    Task<NotDoneReport> GetNotDoneAsync(DateOnly? date);

    [Alias("GetStaff")]
    Task<StaffReport> GetStaffAsync(DateOnly? date);

    /// <summary>
    /// The ratings of <paramref name="from"/>..<paramref name="to"/> (inclusive; defaults: the 28 days up to today) from the
    /// journal, at most 92 days: satisfaction by wait band and the list (only the 差评 when <paramref name="onlyUnsatisfied"/>).
    /// </summary>
    [Alias("GetRatings")]
    Task<RatingsReport> GetRatingsAsync(DateOnly? from, DateOnly? to, bool onlyUnsatisfied);

    [Alias("GetWaitingCurve")]
    Task<WaitingCurve> GetWaitingCurveAsync(DateOnly? date);

    /// <summary>
    /// Staff performance (统一绩效考核) of <paramref name="from"/>..<paramref name="to"/> (inclusive; defaults: the 28 days up to
    /// today; at most 92 days) from the journal: per person, window and theme.
    /// </summary>
    [Alias("GetPerformance")]
    Task<PerformanceReport> GetPerformanceAsync(DateOnly? from, DateOnly? to);

    /// <summary>
    /// The one-trip rate (最多跑一次实现率) of <paramref name="from"/>..<paramref name="to"/> (inclusive; defaults: the 28 days
    /// up to today; at most 366 days), per day, month or theme (<paramref name="by"/>); reads the hall's one-trip days before too.
    /// </summary>
    [Alias("GetOneTrip")]
    Task<OneTripReport> GetOneTripAsync(DateOnly? from, DateOnly? to, string by);

    /// <summary>
    /// The year (in the hall's zone) of the citizen who holds <paramref name="ticketId"/>: only the visits their citizen key
    /// links, read from the journal (from the hall's one-trip days before 1 January). The web tier checks the ticket's key first.
    /// </summary>
    [Alias("GetCitizenYear")]
    Task<CitizenYear> GetCitizenYearAsync(string ticketId);
}

using Queue.Contracts.Config;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.Simulation;

/// <summary>
/// One hall-day to simulate (推演): the hall, the date, each theme's demand, how citizens behave and who staffs the
/// windows. The day follows the hall's calendar for <see cref="Date"/> (<see cref="OpeningCalendar.Of"/>; without one, or
/// when the hall does not enforce its hours, Opens–Closes): tickets are issued only while the product would issue them
/// (<see cref="MayIssue"/>: a lunch break, a holiday or a theme's cut-off draws no arrival), windows are staffed while their
/// zone is open, a zone's tickets expire at its last closing and the day closes (what is left expires, as the product's day
/// close does) <see cref="ServeAfterClosing"/> after the last closing. Figures count the tickets issued between
/// opening + <see cref="Warmup"/> and closing − <see cref="Cooldown"/> (both zero for a real day; a stationary study
/// leaves out the empty start and the truncated end).
/// </summary>
public sealed record HallDayScenario(HallConfig Hall, DateOnly Date, IReadOnlyList<ThemeDemand> Demand)
{
    public CitizenBehaviour Behaviour { get; init; } = CitizenBehaviour.None;

    public StaffingPlan Staffing { get; init; } = StaffingPlan.HallHours;

    /// <summary>Where arrivals come from; null: Poisson at the rates of <see cref="Demand"/>.</summary>
    public IArrivalSource? ArrivalSource { get; init; }

    /// <summary>The tidal plan the tidal policy follows (e.g. the advice stored for the day); null: planned from <see cref="Demand"/>.</summary>
    public TidalAdvice? TidalAdvice { get; init; }

    /// <summary>Minutes from a call to the citizen reaching the window (0: at once).</summary>
    public double WalkMinutes { get; init; }

    public TimeSpan ServeAfterClosing { get; init; } = TimeSpan.Zero;

    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    public TimeSpan Cooldown { get; init; } = TimeSpan.Zero;

    /// <summary>How often the SLA guardian evaluates and staff act on its advice (the product evaluates every 10 s).</summary>
    public TimeSpan GuardianEvery { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the tidal plan is followed (the product's tidal plan grain checks every 30 s).</summary>
    public TimeSpan TidalFollowEvery { get; init; } = TimeSpan.FromSeconds(30);

    public IArrivalSource Arrivals => ArrivalSource ?? new PoissonArrivals(Demand);

    private DayHours? _hours;

    /// <summary>The hall's hours for planning (<see cref="OpeningCalendar.Of"/>): its calendar when it enforces its hours, else Opens–Closes.</summary>
    public OpeningCalendar Calendar => Hours.Calendar;

    /// <summary>The date's first opening over the hall's zones, in minutes since local midnight (0 on a closed day).</summary>
    public double OpensMinute => Hours.Opens;

    /// <summary>The date's last closing over the hall's zones (a 24-hour zone: 1440; on a closed day: 0, so nothing arrives).</summary>
    public double ClosesMinute => Hours.Closes;

    /// <summary>The local midnight that starts <see cref="Date"/>, as an instant.</summary>
    public DateTimeOffset Midnight => Hours.Midnight;

    /// <summary>Whether a citizen may take a ticket of the theme at a minute of the day: the product's own rule (<see cref="OpeningCalendar.CanIssue"/>: open, before the theme's cut-off).</summary>
    public bool MayIssue(string themeCode, double minute) =>
        !Calendar.HasCalendar || Hall.FindTheme(themeCode) is not { } theme || Calendar.CanIssue(theme, Midnight.AddMinutes(minute)).Allowed;

    /// <summary>Whether a window's zone is open at all in a half hour of the date (the staffing plan's default).</summary>
    public bool ZoneOpen(string zoneId, int interval) => Calendar.OpenShare(zoneId, Date, interval) > 0;

    /// <summary>The closed minutes of a ticket's zone between two minutes of the day: wall time less the target's wait (<see cref="TargetClock"/>).</summary>
    public double ClosedMinutes(string themeCode, double fromMinute, double toMinute)
    {
        if (!Calendar.HasCalendar || toMinute <= fromMinute)
        {
            return 0;
        }

        var (from, to) = (Midnight.AddMinutes(fromMinute), Midnight.AddMinutes(toMinute));
        return (to - from - TargetClock.Waited(Calendar, Hall.FindTheme(themeCode)?.ZoneId, from, to)).TotalMinutes;
    }

    /// <summary>The hours are worked out once per hall and date (a scenario made by <c>with</c> checks that they still fit).</summary>
    private DayHours Hours
    {
        get
        {
            if (_hours is { } hours && ReferenceEquals(hours.Hall, Hall) && hours.Date == Date)
            {
                return hours;
            }

            var calendar = OpeningCalendar.Of(Hall);
            var (opens, closes) = calendar.DayMinutes(Date) ?? (0, 0);
            var start = Date.ToDateTime(TimeOnly.MinValue);
            return _hours = new DayHours(Hall, Date, calendar, opens, closes, new DateTimeOffset(start, calendar.TimeZone.GetUtcOffset(start)));
        }
    }

    private sealed record DayHours(HallConfig Hall, DateOnly Date, OpeningCalendar Calendar, double Opens, double Closes, DateTimeOffset Midnight);

    public ServiceTimeModel ServiceOf(string themeCode)
    {
        // A loop, not LINQ: every draw of every forward prediction's replication asks this twice, and a closure each time was a
        // tenth of what a busy product allocated (docs/performance.md, "Where the allocations go").
        for (var i = 0; i < Demand.Count; i++)
        {
            if (Demand[i].ThemeCode == themeCode)
            {
                return Demand[i].Service;
            }
        }

        return ServiceTimeModel.Exponential(Hall.FindTheme(themeCode)?.ExpectedServiceMinutes ?? 10);
    }
}

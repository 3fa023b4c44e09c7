using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Domain.Analytics;
using Queue.Simulation;

namespace Queue.UnitTests.Domain;

/// <summary>
/// Everything after issuing follows the hall calendar, on fixed instants (a fake clock): the open half hours the planners
/// read, the wait against the target (<see cref="TargetClock"/>), the SLA guardian over a lunch break, each zone's own
/// closing (<see cref="DayClose.ZonesDue"/>), the tidal advice on a lunch break, a holiday and a 调休 Saturday, and the
/// forward forecast's arrival rates while closed.
/// </summary>
public sealed class CalendarPlanningTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly NationalDay = new(2026, 10, 1); // a Thursday, 国庆节
    private static readonly DateOnly MakeUpSaturday = new(2026, 2, 14); // 春节调休上班, follows Monday

    /// <summary>BDC in "main" (08:30–12:00, 13:00–17:00, Saturday 09:00–12:00), SB in "ms" (a lunch-hour service, 08:30–17:00), ZZ in "self" (24 hours, holidays too).</summary>
    internal static readonly HallConfig Hall = new(
        "cal-plan", "日历大厅", "Calendar hall", HallConfig.DefaultTimeZone, new TimeOnly(8, 30), new TimeOnly(17, 0),
        [new ZoneConfig("main", "综合区", "Main"), new ZoneConfig("ms", "民生区", "Citizen services"), new ZoneConfig("self", "自助区", "Self-service")],
        [
            new ThemeConfig("BDC", "不动产登记", "Real estate", "A", "main", 30, 10),
            new ThemeConfig("SB", "社保", "Social insurance", "B", "ms", 30, 10),
            new ThemeConfig("ZZ", "自助", "Self-service", "C", "self", 30, 5),
        ],
        [
            new WindowConfig(1, "main", WindowProfile.Dedicated("BDC")),
            new WindowConfig(2, "ms", WindowProfile.Dedicated("SB")),
            new WindowConfig(3, "self", WindowProfile.Dedicated("ZZ")),
            new WindowConfig(4, "main", new WindowProfile(WindowProfileKind.Ordered, ["BDC", "SB"]), Tidal: true),
        ],
        RoutingPolicy.Default,
        true,
        new HallCalendar(
            [
                .. Weekdays.SelectMany(d => new[] { Period(d, 8, 30, 12, 0), Period(d, 13, 0, 17, 0) }),
                Period(DayOfWeek.Saturday, 9, 0, 12, 0, "周六延时服务"),
            ],
            [
                new ZoneCalendar("ms", [.. Weekdays.Select(d => Period(d, 8, 30, 17, 0, "午间不休"))]),
                new ZoneCalendar("self", [.. Enum.GetValues<DayOfWeek>().Select(d => Period(d, 0, 0, 0, 0, "24小时不打烊"))], IgnoresHolidays: true),
            ],
            [],
            []));

    private static readonly OpeningCalendar Calendar = OpeningCalendar.Of(Hall);

    private static DayOfWeek[] Weekdays => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Fact]
    public void TheOpenHalfHoursLeaveOutTheLunchBreakHolidaysAndFollowEachZonesWeek()
    {
        Assert.Equal([.. Enumerable.Range(17, 7), .. Enumerable.Range(26, 8)], Calendar.OpenIntervals("main", Monday));
        Assert.Equal(Enumerable.Range(17, 17), Calendar.OpenIntervals("ms", Monday)); // the lunch-hour service
        Assert.Equal(Enumerable.Range(0, 48), Calendar.OpenIntervals("self", Monday));
        Assert.Empty(Calendar.OpenIntervals("main", NationalDay));
        Assert.Equal(Enumerable.Range(0, 48), Calendar.OpenIntervals("self", NationalDay));
        Assert.Equal((0.0, 1440.0), Calendar.DayMinutes(Monday)!.Value); // the 24-hour zone spans the day
        Assert.Equal((510.0, 1020.0), OpeningCalendar.Of(Hall with { Calendar = null }).DayMinutes(Monday)!.Value);
        Assert.Equal(1, Calendar.OpenShare("main", Monday, 17));
        Assert.Equal(0, Calendar.OpenShare("main", Monday, 24));
        Assert.Equal(0.5, new OpeningCalendar(Hall with { Opens = new TimeOnly(8, 45) } with { Calendar = null }).OpenShare("main", Monday, 17));
    }

    [Fact]
    public void ADaysChartsSpanItsOpenHoursAndAZoneOpenAroundTheClockOnlyWidensThemWithData()
    {
        Assert.Equal(Enumerable.Range(17, 17), Calendar.ChartIntervals(Monday)); // main and ms; the 24-hour zone left out
        Assert.Equal(Enumerable.Range(17, 17), Calendar.WeekChartIntervals(Monday)); // Saturday's 09:00–12:00 is inside
        Assert.Empty(Calendar.ChartIntervals(NationalDay));
        Assert.False(Calendar.IsClosedDay(NationalDay)); // the self-service zone opens
        var withoutSelf = OpeningCalendar.Of(Hall with { Zones = [Hall.Zones[0], Hall.Zones[1]], Themes = [Hall.Themes[0], Hall.Themes[1]] });
        Assert.True(withoutSelf.IsClosedDay(NationalDay));
        Assert.Equal(Enumerable.Range(17, 17), OpeningCalendar.Of(Hall with { Calendar = null }).ChartIntervals(NationalDay));
    }

    [Fact]
    public void AMakeUpSaturdayPlansLikeItsWeekdayAndAHallThatDoesNotEnforceItsHoursPlansByItsPair()
    {
        Assert.Equal(DayOfWeek.Monday, Calendar.PlansLike(MakeUpSaturday));
        Assert.Equal(DayOfWeek.Saturday, Calendar.PlansLike(new DateOnly(2026, 11, 28)));
        Assert.Equal(Calendar.OpenIntervals("main", Monday), Calendar.OpenIntervals("main", MakeUpSaturday));
        Assert.Equal(Enumerable.Range(18, 6), Calendar.OpenIntervals("main", new DateOnly(2026, 11, 28))); // an ordinary Saturday: 09:00–12:00

        var unenforced = OpeningCalendar.Of(Hall with { EnforceOpeningHours = false });
        Assert.False(unenforced.HasCalendar);
        Assert.Equal(Enumerable.Range(17, 17), unenforced.OpenIntervals("main", NationalDay));
    }

    [Fact]
    public void TheWaitAgainstTheTargetCountsOpenTimeOnlyWithACalendarAndWallTimeWithout()
    {
        var issued = At(Monday, 11, 50);
        var called = At(Monday, 13, 10);
        Assert.Equal(TimeSpan.FromMinutes(20), TargetClock.Waited(Calendar, "main", issued, called)); // the lunch break is left out
        Assert.Equal(TimeSpan.FromMinutes(80), TargetClock.Waited(Calendar, "ms", issued, called)); // the zone served over lunch
        Assert.Equal(TimeSpan.FromMinutes(80), TargetClock.Waited(OpeningCalendar.Of(Hall with { Calendar = null }), "main", issued, called));
        Assert.Equal(TimeSpan.FromMinutes(80), TargetClock.Waited(null, "main", issued, called));
    }

    [Fact]
    public void ATicketWaitingOverLunchIsJournaledAndCountedWithTheOpenTimeItWaited()
    {
        var state = new ThemeQueueState();
        var bdc = ThemeContext.For(Hall, Hall.FindTheme("BDC")!);
        var ticket = new ThemeLine(state, bdc, At(Monday, 11, 40)).Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));

        var lunch = new ThemeLine(state, bdc, At(Monday, 12, 40)).Stats(1);
        Assert.Equal(20, lunch.LongestWaitMinutes);
        Assert.Equal(0, lunch.LateWaiting);

        state.PendingEvents.Clear();
        Assert.NotNull(new ThemeLine(state, bdc, At(Monday, 13, 15)).Claim(ticket.TicketId, 1));
        var called = Assert.Single(state.PendingEvents, e => e.Kind == HallEventKind.TicketCalled);
        Assert.Equal(35 * 60, called.WaitSeconds); // 20 open minutes before lunch + 15 after it (95 on the wall clock)
    }

    [Fact]
    public void TheGuardianRaisesNoAlertOverALunchBreakAndCountsAProjectionInOpenTime()
    {
        var state = new ThemeQueueState();
        var bdc = ThemeContext.For(Hall, Hall.FindTheme("BDC")!);
        for (var i = 0; i < 4; i++)
        {
            new ThemeLine(state, bdc, At(Monday, 11, 40)).Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        }

        // 11:50: 4 waiting × 10 min on one window is a 40-minute projection, but 30 of it falls after 12:00 and the line
        // reopens at 13:00, so the projection in open time is 10 minutes: no warning. Without the calendar: a warning.
        var beforeLunch = new ThemeLine(state, bdc, At(Monday, 11, 50)).Stats(1);
        Assert.Equal(40, beforeLunch.ProjectedWaitMinutes);
        Assert.Empty(SlaGuardian.Evaluate(Hall, [beforeLunch], [], At(Monday, 11, 50)));
        Assert.Equal(SlaSeverity.Warning, Assert.Single(SlaGuardian.Evaluate(Hall with { Calendar = null }, [beforeLunch], [], At(Monday, 11, 50))).Severity);

        // 12:40: the zone is closed; 60 wall minutes are 20 against the target and nobody is judged until it reopens.
        var lunch = new ThemeLine(state, bdc, At(Monday, 12, 40)).Stats(1);
        Assert.Empty(SlaGuardian.Evaluate(Hall, [lunch], [], At(Monday, 12, 40)));

        // 13:15: 35 open minutes: a breach, counted the same way as the journaled wait.
        var after = new ThemeLine(state, bdc, At(Monday, 13, 15)).Stats(1);
        var breach = Assert.Single(SlaGuardian.Evaluate(Hall, [after], [], At(Monday, 13, 15)));
        Assert.Equal(SlaSeverity.Breach, breach.Severity);
        Assert.Equal(35, breach.LongestWaitMinutes);
    }

    [Fact]
    public void EachZoneExpiresAtTheEndOfItsLastPeriodNotAtItsLunchBreak()
    {
        var none = new Dictionary<string, DateOnly>();
        Assert.Empty(DayClose.ZonesDue(Hall, default, none, At(Monday, 12, 5))); // lunch: main reopens at 13:00
        Assert.Equal(["main", "ms"], DayClose.ZonesDue(Hall, default, none, At(Monday, 17, 0)));
        Assert.Equal(["ms"], DayClose.ZonesDue(Hall, default, new Dictionary<string, DateOnly> { ["main"] = Monday }, At(Monday, 17, 1)));
        Assert.False(DayClose.IsDue(Hall, default, At(Monday, 23, 59))); // the 24-hour zone leaves the hall's close to the day's change
        Assert.Equal(["main", "ms"], DayClose.ZonesDue(Hall, default, none, At(NationalDay, 9, 0))); // closed all day: at once
        Assert.Empty(DayClose.ZonesDue(Hall with { Calendar = null }, default, none, At(Monday, 17, 1))); // the pair: the hall closes at once
        Assert.Empty(DayClose.ZonesDue(Hall, Monday, none, At(Monday, 17, 1)));
    }

    [Fact]
    public void TheTidalAdvicePlansEachThemesOpenHalfHoursOnly()
    {
        var advice = TidalAdvisor.Advise(Hall, History(Monday, DayOfWeek.Monday), [], Monday, DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain(advice.Coverage, c => c.Theme == "BDC" && c.Interval is 24 or 25); // main is closed at lunch
        Assert.Contains(advice.Coverage, c => c.Theme == "SB" && c.Interval == 24 && c.ArrivalsPerHour > 0); // ms serves at lunch
        Assert.Contains(24, advice.Intervals);
        Assert.DoesNotContain(advice.Coverage, c => c.Theme is "BDC" or "SB" && c.Interval is < 17 or >= 34);
        Assert.Null(advice.NoteZh);
    }

    [Fact]
    public void AClosedDayGetsAnEmptyPlanWithANoteAndAMakeUpSaturdayPlansLikeMonday()
    {
        var closedHall = Hall with { Themes = [Hall.Themes[0], Hall.Themes[1]], Zones = [Hall.Zones[0], Hall.Zones[1]], Windows = [Hall.Windows[0], Hall.Windows[1], Hall.Windows[3]] };
        var holiday = TidalAdvisor.Advise(closedHall, History(NationalDay, DayOfWeek.Thursday), [], NationalDay, DateTimeOffset.UnixEpoch);
        Assert.Empty(holiday.Intervals);
        Assert.Empty(holiday.Coverage);
        Assert.Equal(0, holiday.Shortfall);
        Assert.Equal("2026-10-01国庆节闭厅，无需排班", holiday.NoteZh);
        Assert.Equal("The hall is closed on 2026-10-01 (国庆节): nothing to plan", holiday.NoteEn);

        // Mondays are busy and Saturdays empty in the history: the 调休 Saturday takes Monday's hours and Monday's demand.
        var history = History(new DateOnly(2026, 2, 16), DayOfWeek.Monday).Concat(History(MakeUpSaturday, DayOfWeek.Saturday, 0)).ToList();
        var saturday = TidalAdvisor.Advise(Hall, history, [], MakeUpSaturday, DateTimeOffset.UnixEpoch);
        Assert.Equal(MakeUpSaturday, saturday.Date);
        Assert.Contains(saturday.Coverage, c => c.Theme == "BDC" && c.Interval == 30 && c.ArrivalsPerHour > 0); // 15:00, not a Saturday hour
        Assert.Equal(8, saturday.WeeksOfHistory);
    }

    [Fact]
    public void TheForwardForecastExpectsNoArrivalsWhileAZoneIsClosed()
    {
        var lines = Hall.Themes.Select(t => new LineState(t.Code, [], 10, 12, At(Monday, 11, 30))).ToList();
        var rates = ForwardDemand.Rates(Hall, lines, null, At(Monday, 11, 30));

        Assert.Equal(0, rates("BDC", 24)); // 12:00, main's lunch break
        Assert.Equal(12 * 60 / 180.0, rates("BDC", 26), 6); // 12 issued over the 3 open hours since 08:30
        Assert.Equal(12 * 60 / 180.0, rates("SB", 24), 6);
        Assert.Equal(0, ForwardDemand.Rates(Hall, lines, null, At(NationalDay, 10, 0))("BDC", 20));
        Assert.True(ForwardDemand.Rates(Hall, lines, null, At(NationalDay, 10, 0))("ZZ", 20) > 0);
    }

    /// <summary>Eight weeks of one weekday before <paramref name="before"/>: every theme <paramref name="perInterval"/> tickets a half hour from 08:30 to 17:00.</summary>
    internal static IReadOnlyList<ArrivalCount> History(DateOnly before, DayOfWeek day, int perInterval = 3)
    {
        var first = before.AddDays(-(((int)before.DayOfWeek - (int)day + 7) % 7 is 0 ? 7 : ((int)before.DayOfWeek - (int)day + 7) % 7));
        return Enumerable.Range(0, 8).SelectMany(week => Enumerable.Range(17, 17).SelectMany(interval =>
            Hall.Themes.Select(t => new ArrivalCount(t.Code, first.AddDays(-7 * week), interval, perInterval)))).ToList();
    }

    internal static DateTimeOffset At(DateOnly date, int hour, int minute) => new(date.ToDateTime(new TimeOnly(hour, minute)), Shanghai);

    private static OpeningPeriod Period(DayOfWeek day, int openHour, int openMinute, int closeHour, int closeMinute, string? label = null) =>
        new(day, new TimeOnly(openHour, openMinute), new TimeOnly(closeHour, closeMinute), label);
}

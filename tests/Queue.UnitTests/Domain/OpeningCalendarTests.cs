using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

/// <summary>The opening calendar on fixed instants (a fake clock): lunch gap and lunch service, 调休, holidays, a 24-hour zone, cut-offs, time zones.</summary>
public sealed class OpeningCalendarTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static readonly ThemeConfig Bdc = new("BDC", "不动产登记", "Real estate", "A", "main", 30, 15);

    private static readonly HallConfig Hall = Calendared(new HallCalendar(
        [
            .. Weekdays.SelectMany(d => new[] { Period(d, 8, 30, 12, 0, "上午"), Period(d, 13, 0, 17, 0, "下午") }),
            Period(DayOfWeek.Tuesday, 18, 0, 20, 30, "夜市办"),
            Period(DayOfWeek.Saturday, 9, 0, 12, 0, "周六延时服务"),
        ],
        [
            new ZoneCalendar("self", [.. Enum.GetValues<DayOfWeek>().Select(d => Period(d, 0, 0, 0, 0, "24小时不打烊"))], IgnoresHolidays: true),
            new ZoneCalendar("ms", [.. Weekdays.SelectMany(d => new[] { Period(d, 8, 30, 12, 0), Period(d, 12, 0, 13, 0, "午间延时服务"), Period(d, 13, 0, 17, 0) })]),
        ],
        [],
        []));

    private static readonly OpeningCalendar Calendar = new(Hall);

    private static DayOfWeek[] Weekdays => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Fact]
    public void TheLunchGapClosesTheHallAndTheNextOpeningIsOneOClock()
    {
        var monday = At(2026, 11, 23, 12, 30);
        Assert.False(Calendar.IsOpen("main", monday));
        Assert.Equal(At(2026, 11, 23, 13, 0), Calendar.NextOpening("main", monday));
        Assert.Equal(At(2026, 11, 23, 12, 0), Calendar.Closing("main", At(2026, 11, 23, 11, 0)));
        Assert.Null(Calendar.Closing("main", monday));
        Assert.True(Calendar.IsOpen("main", At(2026, 11, 23, 13, 0)));
        Assert.False(Calendar.IsOpen("main", At(2026, 11, 23, 17, 0)));
    }

    [Fact]
    public void AZoneWithALunchHourServiceStaysOpenAndItsPeriodsJoinIntoOneClosing()
    {
        Assert.True(Calendar.IsOpen("ms", At(2026, 11, 23, 12, 30)));
        Assert.Equal(At(2026, 11, 23, 17, 0), Calendar.Closing("ms", At(2026, 11, 23, 11, 0)));
        Assert.Equal(["08:30", "12:00", "13:00"], Calendar.Periods("ms", new DateOnly(2026, 11, 23)).Select(p => p.Opens.ToString("HH:mm")));
    }

    [Fact]
    public void SaturdayServiceAndTheTuesdayEveningPeriodFollowTheWeek()
    {
        Assert.Equal([(new TimeOnly(9, 0), new TimeOnly(12, 0))], Calendar.Periods("main", new DateOnly(2026, 11, 28)).Select(p => (p.Opens, p.Closes)));
        Assert.True(Calendar.IsOpen("main", At(2026, 11, 24, 19, 0)));
        Assert.False(Calendar.IsOpen("main", At(2026, 11, 25, 19, 0)));
        Assert.Empty(Calendar.Periods("main", new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void AMakeUpSundayIsAWorkingDayWithTheWeekdaysPeriods()
    {
        var sunday = new DateOnly(2026, 1, 4); // 元旦调休上班
        Assert.Equal(DayOfWeek.Sunday, sunday.DayOfWeek);
        Assert.True(Calendar.IsOpen("main", At(2026, 1, 4, 10, 0)));
        Assert.Equal(2, Calendar.Periods("main", sunday).Count);
        Assert.Empty(Calendar.Periods("main", new DateOnly(2026, 1, 11)));
        Assert.Null(Calendar.Holiday("main", sunday));
    }

    [Fact]
    public void AMakeUpSaturdayKeepsTheWeekdayHoursNotTheSaturdayService()
    {
        var saturday = new DateOnly(2026, 2, 14); // 春节调休上班
        Assert.Equal(DayOfWeek.Saturday, saturday.DayOfWeek);
        Assert.Equal([new TimeOnly(8, 30), new TimeOnly(13, 0)], Calendar.Periods("main", saturday).Select(p => p.Opens));
    }

    [Fact]
    public void OnAHolidayTheHallIsClosedUntilTheDayAfterButTheSelfServiceZoneIsOpen()
    {
        var nationalDay = At(2026, 10, 1, 10, 0);
        Assert.Equal("国庆节", Calendar.Holiday("main", new DateOnly(2026, 10, 1))?.Name);
        Assert.False(Calendar.IsOpen("main", nationalDay));
        Assert.Equal(At(2026, 10, 8, 8, 30), Calendar.NextOpening("main", nationalDay));
        Assert.True(Calendar.IsOpen("self", At(2026, 10, 1, 3, 0)));
        Assert.Null(Calendar.Holiday("self", new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void TheTwentyFourHourZoneRunsOnAcrossMidnightsAndCountsWholeDays()
    {
        var night = At(2026, 11, 23, 2, 0);
        Assert.True(Calendar.IsOpen("self", night));
        Assert.Equal(At(2026, 11, 23, 0, 0).AddDays(OpeningCalendar.ClosingLookAheadDays + 1), Calendar.Closing("self", night));
        Assert.Equal(TimeSpan.FromHours(48), Calendar.BusinessTime("self", At(2026, 11, 23, 6, 0), At(2026, 11, 25, 6, 0)));
    }

    [Fact]
    public void BusinessMinutesCountOnlyOpenTime()
    {
        Assert.Equal(450, Calendar.BusinessTime("main", At(2026, 11, 23, 8, 0), At(2026, 11, 23, 18, 0)).TotalMinutes);
        // Friday 16:00 → Monday 09:00: 60 on Friday, 180 on Saturday, none on Sunday, 30 on Monday.
        Assert.Equal(270, Calendar.BusinessTime("main", At(2026, 11, 27, 16, 0), At(2026, 11, 30, 9, 0)).TotalMinutes);
        Assert.Equal(0, Calendar.BusinessTime("main", At(2026, 11, 30, 9, 0), At(2026, 11, 27, 16, 0)).TotalMinutes);
    }

    [Fact]
    public void TheCutOffStopsTicketsThatCannotBeServedBeforeClosing()
    {
        Assert.Equal(15, Calendar.CutoffMinutes(Bdc));
        Assert.True(Calendar.CanIssue(Bdc, At(2026, 11, 23, 16, 44)).Allowed);
        var late = Calendar.CanIssue(Bdc, At(2026, 11, 23, 16, 50));
        Assert.False(late.Allowed);
        Assert.Equal(At(2026, 11, 23, 16, 45), late.CutoffAt);
        Assert.Equal(At(2026, 11, 24, 8, 30), late.NextOpening);
        Assert.True(Calendar.CanIssue(Bdc with { IssueCutoffMinutes = 0 }, At(2026, 11, 23, 16, 50)).Allowed);
        Assert.False(Calendar.CanIssue(Bdc with { IssueCutoffMinutes = 60 }, At(2026, 11, 23, 16, 0)).Allowed);

        var refusal = Assert.Throws<QueueRuleException>(() => Calendar.EnsureCanIssue(Bdc, At(2026, 11, 23, 16, 50)));
        Assert.Equal("issue-cutoff", refusal.Code);
        Assert.Equal("该事项今日已停止取号（16:45 截止），下次办理时间：明天 08:30", refusal.MessageZh);
        Assert.Equal("No more tickets for this service today (issuing stops at 16:45); next opening: tomorrow 08:30", refusal.MessageEn);
    }

    [Fact]
    public void TheClosedRefusalSaysWhenTheHallOpensNext()
    {
        var refusal = Assert.Throws<QueueRuleException>(() => Calendar.EnsureCanIssue(Bdc, At(2026, 11, 28, 13, 0)));
        Assert.Equal("hall-closed", refusal.Code);
        Assert.Equal(ProblemKind.Conflict, refusal.Kind);
        Assert.Equal("本厅已下班，下次办理时间：周一 08:30", refusal.MessageZh);
        Assert.Equal("Closed; next opening: Mon 08:30", refusal.MessageEn);

        var holiday = Assert.Throws<QueueRuleException>(() => Calendar.EnsureCanIssue(Bdc, At(2026, 9, 30, 18, 0)));
        Assert.Equal("Closed; next opening: Thu 2026-10-08 08:30", holiday.MessageEn);
        Calendar.EnsureCanIssue(Bdc with { ZoneId = "self" }, At(2026, 10, 1, 3, 0));
    }

    [Fact]
    public void InAZoneWithSummerTimeThePeriodsStayAtLocalTimeAndTheShortDayHasTwentyThreeHours()
    {
        var berlin = new OpeningCalendar(Calendared(
            new HallCalendar([.. Weekdays.Select(d => Period(d, 8, 0, 16, 0))], [new ZoneCalendar("self", [.. Enum.GetValues<DayOfWeek>().Select(d => Period(d, 0, 0, 0, 0))])], [], [], UseDefaultHolidays: false),
            "Europe/Berlin"));
        var fridayWinter = new DateTimeOffset(2026, 3, 27, 6, 30, 0, TimeSpan.Zero); // 07:30 CET
        var mondaySummer = new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero); // 08:30 CEST
        Assert.False(berlin.IsOpen("main", fridayWinter));
        Assert.True(berlin.IsOpen("main", mondaySummer));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero), berlin.NextOpening("main", new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero)));
        var sunday = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero); // Sunday 00:00 CET
        Assert.Equal(TimeSpan.FromHours(23), berlin.BusinessTime("self", sunday, sunday.AddHours(23)));
        Assert.True(berlin.IsOpen("main", new DateTimeOffset(2026, 10, 1, 6, 0, 0, TimeSpan.Zero))); // no Chinese holidays here
    }

    [Fact]
    public void ShanghaiHasNoSummerTime()
    {
        Assert.Equal(At(2026, 7, 6, 8, 30), Calendar.NextOpening("main", At(2026, 7, 6, 0, 0)));
        Assert.Equal(new DateTimeOffset(2026, 7, 6, 0, 30, 0, TimeSpan.Zero), Calendar.NextOpening("main", At(2026, 7, 6, 0, 0)));
    }

    [Fact]
    public void WithoutACalendarTheHallsPairOfHoursHoldsEveryDayWithoutCutOff()
    {
        var plain = Calendared(null) with { Opens = new TimeOnly(8, 30), Closes = new TimeOnly(17, 0) };
        var calendar = new OpeningCalendar(plain);
        Assert.True(calendar.IsOpen("main", At(2026, 10, 4, 16, 59)));
        Assert.False(calendar.IsOpen("main", At(2026, 10, 4, 17, 0)));
        Assert.True(calendar.CanIssue(Bdc, At(2026, 10, 4, 16, 59)).Allowed);
        Assert.Null(OpeningCalendar.For(plain with { EnforceOpeningHours = false }));
    }

    [Fact]
    public void TheHallsOwnDatesWinOverTheShippedOnes()
    {
        var own = new OpeningCalendar(Calendared(Hall.Calendar! with
        {
            Closed = [new ClosedDate(new DateOnly(2026, 11, 23), "内部盘点")],
            WorkingDays = [new WorkingDate(new DateOnly(2026, 10, 2), DayOfWeek.Monday, "国庆值班")],
        }));
        Assert.False(own.IsOpen("main", At(2026, 11, 23, 10, 0)));
        Assert.True(own.IsOpen("main", At(2026, 10, 2, 10, 0)));
        Assert.False(own.IsOpen("main", At(2026, 10, 1, 10, 0)));
    }

    [Fact]
    public void TheShippedHolidayCalendarHas2026FromTheNoticeAnd2027MarkedProvisional()
    {
        var years = HolidayCalendar.Years;
        var y2026 = Assert.Single(years, y => y.Number == 2026);
        Assert.False(y2026.Provisional);
        Assert.Equal(33, y2026.Closed.Length);
        Assert.Equal(6, y2026.WorkingDays.Length);
        Assert.All(y2026.WorkingDays, d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, d.Date.ToString()));
        Assert.All(y2026.Closed, d => Assert.Equal(2026, d.Date.Year));
        Assert.True(Assert.Single(years, y => y.Number == 2027).Provisional);
    }

    [Fact]
    public void TheValidatorRefusesOverlapsBackwardsPeriodsUnknownZonesAndDatesTwice()
    {
        HashSet<string> zones = ["main", "self", "ms"];
        Assert.Equal("calendar-overlap", Refused(HallCalendar.Weekly([Period(DayOfWeek.Monday, 8, 30, 12, 0), Period(DayOfWeek.Monday, 11, 0, 17, 0)])));
        Assert.Equal("calendar-period", Refused(HallCalendar.Weekly([Period(DayOfWeek.Monday, 12, 0, 8, 30)])));
        Assert.Equal("calendar-zone", Refused(new HallCalendar([], [new ZoneCalendar("nowhere", [])], [], [])));
        Assert.Equal("calendar-date", Refused(new HallCalendar([], [], [new ClosedDate(new DateOnly(2026, 5, 1)), new ClosedDate(new DateOnly(2026, 5, 1))], [])));
        Assert.Equal("calendar-date", Refused(new HallCalendar([], [], [new ClosedDate(new DateOnly(1999, 5, 1))], [])));
        var ok = HallConfigValidator.ValidateCalendar(Hall.Calendar! with { Closed = default }, zones);
        Assert.Empty(ok.Closed);

        var refusal = Assert.Throws<QueueRuleException>(() => HallConfigValidator.ValidateCalendar(HallCalendar.Weekly([Period(DayOfWeek.Monday, 12, 0, 8, 30)]), zones));
        Assert.Equal("日历时段 Monday 12:00–08:30：开始时间必须早于结束时间（结束 00:00 表示午夜）", refusal.MessageZh);
        Assert.Equal(ProblemKind.Unprocessable, refusal.Kind);

        string Refused(HallCalendar calendar) => Assert.Throws<QueueRuleException>(() => HallConfigValidator.ValidateCalendar(calendar, zones)).Code;
    }

    [Fact]
    public void AHallConfigurationKeepsItsValidatedCalendarAndRefusesABadCutOff()
    {
        var validated = HallConfigValidator.Validate(Hall, Hall.HallId);
        Assert.NotNull(validated.Calendar);
        Assert.Equal(Hall.Calendar!.Week.Length, validated.Calendar.Week.Length);
        var bad = Hall with { Themes = [Bdc with { IssueCutoffMinutes = -1 }] };
        Assert.Equal("theme-cutoff", Assert.Throws<QueueRuleException>(() => HallConfigValidator.Validate(bad, bad.HallId)).Code);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, Shanghai);

    private static OpeningPeriod Period(DayOfWeek day, int openHour, int openMinute, int closeHour, int closeMinute, string? label = null) =>
        new(day, new TimeOnly(openHour, openMinute), new TimeOnly(closeHour, closeMinute), label);

    private static HallConfig Calendared(HallCalendar? calendar, string timeZone = HallConfig.DefaultTimeZone) => new(
        "cal", "日历大厅", "Calendar hall", timeZone, new TimeOnly(8, 30), new TimeOnly(17, 0),
        [new ZoneConfig("main", "综合区", "Main"), new ZoneConfig("self", "自助区", "Self-service"), new ZoneConfig("ms", "民生区", "Citizen services")],
        [Bdc], [new WindowConfig(1, "main", new WindowProfile(WindowProfileKind.Comprehensive, []))], RoutingPolicy.Default, true, calendar);
}

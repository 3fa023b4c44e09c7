using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

/// <summary>The calendar asked by a theme's line and by the day close, and the demo hall's calendar.</summary>
public sealed class OpeningCalendarEnforcementTests
{
    private static readonly HallConfig Demo = DemoHall.Load();

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TheDemoHallEnforcesItsValidCalendarWithATwentyFourHourZoneAndAClosedDay()
    {
        var validated = HallConfigValidator.Validate(Demo, Demo.HallId);
        Assert.True(validated.EnforceOpeningHours);
        var calendar = new OpeningCalendar(validated);
        var bdc = validated.FindTheme("BDC")!;
        var sbyb = validated.FindTheme("SBYB")!;
        Assert.Equal("ms", sbyb.ZoneId);
        var night = At(2026, 12, 7, 3, 0);
        Assert.False(calendar.CanIssue(bdc, night).Allowed);
        Assert.True(calendar.CanIssue(sbyb, night).Allowed);
        Assert.True(calendar.CanIssue(bdc, At(2026, 12, 7, 12, 30)).Allowed); // 午间延时服务
        Assert.True(calendar.CanIssue(bdc, At(2026, 12, 7, 20, 0)).Allowed); // 夜市办
        Assert.False(calendar.CanIssue(bdc, At(2026, 12, 7, 20, 50)).Allowed); // 15 minutes before 21:00
        Assert.NotNull(calendar.Holiday("bdc", new DateOnly(2026, 12, 31)));
        Assert.False(calendar.IsOpen("bdc", At(2026, 12, 31, 10, 0)));
        Assert.True(calendar.IsOpen("ms", At(2026, 12, 31, 10, 0)));
        Assert.False(calendar.IsOpen("bdc", At(2027, 2, 6, 10, 0))); // 春节 (provisional 2027)
    }

    [Fact]
    public void AThemesLineRefusesATicketWhileItsZoneIsClosedAndIssuesWhileOpen()
    {
        var bdc = ThemeContext.For(Demo, Demo.FindTheme("BDC")!);
        var state = new ThemeQueueState();
        var refusal = Assert.Throws<QueueRuleException>(() => new ThemeLine(state, bdc, At(2026, 12, 7, 3, 0)).Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null)));
        Assert.Equal("本厅已下班，下次办理时间：今天 08:30", refusal.MessageZh);
        Assert.Empty(state.Tickets);
        Assert.Equal("A001", new ThemeLine(state, bdc, At(2026, 12, 7, 9, 0)).Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null)).DisplayNumber);
        var alwaysOpen = ThemeContext.For(Demo with { EnforceOpeningHours = false }, Demo.FindTheme("BDC")!);
        Assert.Null(alwaysOpen.Calendar);
    }

    [Fact]
    public void TheDayClosesAfterTheLastClosingOfItsZonesOrAtOnceOnAClosedDay()
    {
        var hall = Demo with { Calendar = Demo.Calendar! with { Zones = [] } };
        var yesterday = new DateOnly(2026, 12, 6);
        Assert.False(DayClose.IsDue(hall, yesterday, At(2026, 12, 7, 20, 59)));
        Assert.True(DayClose.IsDue(hall, yesterday, At(2026, 12, 7, 21, 0)));
        Assert.False(DayClose.IsDue(hall, new DateOnly(2026, 12, 7), At(2026, 12, 7, 22, 0)));
        Assert.True(DayClose.IsDue(hall, new DateOnly(2026, 12, 30), At(2026, 12, 31, 8, 0))); // closed all day
        Assert.False(DayClose.IsDue(Demo, yesterday, At(2026, 12, 7, 23, 0))); // the 24-hour zone runs on to midnight
        Assert.False(DayClose.IsDue(Demo with { EnforceOpeningHours = false }, yesterday, At(2026, 12, 7, 23, 0)));
        Assert.True(DayClose.IsDue(Demo with { Calendar = null }, yesterday, At(2026, 12, 7, 17, 0)));
    }
}

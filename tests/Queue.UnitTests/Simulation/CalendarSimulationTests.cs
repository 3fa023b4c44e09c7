using Queue.Domain;
using Queue.Simulation;
using Queue.UnitTests.Domain;

namespace Queue.UnitTests.Simulation;

/// <summary>
/// A simulated day follows the hall calendar for its date, on the product's own rules: arrivals only while the product
/// would issue (a lunch break and a holiday draw none), windows staffed while their zone is open, a zone's tickets expired
/// at its own last closing, a 24-hour zone served around the clock, and the target judged on open time.
/// </summary>
public sealed class CalendarSimulationTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData(SimulationPolicy.QueueRouting)]
    [InlineData(SimulationPolicy.QueueRoutingWithGuardianAndTidal)]
    public void ALunchBreakDrawsNoArrivalsAndTheDaysFiguresCountEveryTicket(SimulationPolicy policy)
    {
        var scenario = Scenario(Monday, perHour: 4);
        var draws = DayTickets.Draw(scenario, seed: 3);

        // main (BDC) issues 08:30–11:50 and 13:00–16:50 (cut-off: its 10 service minutes before each closing); ms (SB)
        // issues through lunch; the 24-hour zone (ZZ) around the clock.
        Assert.DoesNotContain(draws, d => d.ThemeCode == "BDC" && (d.Minute < 510 || (d.Minute >= 710 && d.Minute < 780) || d.Minute >= 1010));
        Assert.Contains(draws, d => d.ThemeCode == "SB" && d.Minute is >= 720 and < 780);
        Assert.DoesNotContain(draws, d => d.ThemeCode == "SB" && (d.Minute < 510 || d.Minute >= 1010));
        Assert.Contains(draws, d => d.ThemeCode == "ZZ" && d.Minute < 510);
        Assert.Contains(draws, d => d.ThemeCode == "ZZ" && d.Minute > 1200);

        var day = HallDaySimulator.Run(scenario, policy, draws);

        Assert.Equal((0.0, 1440.0), (day.MeasureFromMinute, day.MeasureToMinute));
        Assert.Equal(draws.Count, day.Tickets.Count);
        Assert.Equal(draws.Count, day.Count(TicketEnd.Served) + day.Count(TicketEnd.Cancelled) + day.Count(TicketEnd.Expired) + day.Count(TicketEnd.NoShow));
        Assert.Equal(day.Tickets.Count, day.Measured.Count);
        // Nobody is expired at the lunch break: main reopens at 13:00.
        Assert.DoesNotContain(day.Tickets, t => t.End == TicketEnd.Expired && t.LeftMinute < 1020);
        // A BDC ticket that waited over lunch is judged on its open time: the hour of the break is left out, only there.
        Assert.All(day.Tickets.Where(t => t.ThemeCode == "BDC" && t.IssuedMinute < 720 && t.CalledMinute >= 780), t => Assert.Equal(60, t.ClosedMinutes, 6));
        Assert.All(day.Tickets.Where(t => t.ThemeCode != "BDC"), t => Assert.Equal(0, t.ClosedMinutes));
        Assert.All(day.Tickets.Where(t => t.WaitMinutes is not null), t => Assert.Equal(t.WaitMinutes - t.ClosedMinutes <= 30, t.WithinTarget(30)));
        Assert.InRange(day.ShareWithinTarget, 0.5, 1);
    }

    [Fact]
    public void AZoneThatClosesExpiresItsOwnTicketsAtItsLastClosingWhileTheTwentyFourHourZoneServesOn()
    {
        // Far more BDC than its windows serve: what is left expires at 17:00, main's last closing, not at the lunch
        // break and not at the day's end; the 24-hour zone's citizens are served through the evening.
        var scenario = Scenario(Monday, perHour: 4) is var s
            ? s with { Demand = [.. s.Demand.Select(d => d.ThemeCode == "BDC" ? ThemeDemand.Flat("BDC", 20, ServiceTimeModel.Exponential(10)) : d)] }
            : throw new InvalidOperationException();

        var day = HallDaySimulator.Run(scenario, SimulationPolicy.QueueRouting, seed: 5);

        var expired = day.Tickets.Where(t => t.End == TicketEnd.Expired).ToList();
        Assert.Contains(expired, t => t.ThemeCode == "BDC");
        Assert.All(expired.Where(t => t.ThemeCode != "ZZ"), t => Assert.Equal(("BDC", 1020.0), (t.ThemeCode, t.LeftMinute!.Value)));
        Assert.All(expired.Where(t => t.ThemeCode == "ZZ"), t => Assert.Equal(1440, t.LeftMinute)); // the day's end (the business day changes)
        Assert.Contains(day.Tickets, t => t.ThemeCode == "ZZ" && t.End == TicketEnd.Served && t.CalledMinute > 1200);
    }

    [Fact]
    public void OnAHolidayOnlyTheZoneThatKeepsItsWeekOpens()
    {
        var holiday = Scenario(new DateOnly(2026, 10, 1), perHour: 4);
        var draws = DayTickets.Draw(holiday, seed: 1);

        Assert.NotEmpty(draws);
        Assert.All(draws, d => Assert.Equal("ZZ", d.ThemeCode));
        var day = HallDaySimulator.Run(holiday, SimulationPolicy.QueueRouting, draws);
        Assert.Equal(draws.Count, day.Count(TicketEnd.Served));

        var closed = holiday with { Hall = holiday.Hall with { Themes = [.. holiday.Hall.Themes.Take(2)], Zones = [.. holiday.Hall.Zones.Take(2)], Windows = [.. holiday.Hall.Windows.Where(w => w.ZoneId != "self")] } };
        Assert.Equal((0.0, 0.0), (closed.OpensMinute, closed.ClosesMinute));
        Assert.Empty(DayTickets.Draw(closed, seed: 1));
        Assert.Empty(HallDaySimulator.Run(closed, SimulationPolicy.QueueRoutingWithGuardianAndTidal, seed: 1).Tickets);
    }

    [Fact]
    public void AHallThatDoesNotEnforceItsHoursAndTheDemoDaySimulateTheirPairOfHours()
    {
        var unenforced = Scenario(Monday, perHour: 4) is var s ? s with { Hall = s.Hall with { EnforceOpeningHours = false } } : throw new InvalidOperationException();
        Assert.Equal((510.0, 1020.0), (unenforced.OpensMinute, unenforced.ClosesMinute));
        Assert.False(unenforced.Calendar.HasCalendar);

        Assert.Equal((510.0, 1020.0), (DemoDay.Scenario().OpensMinute, DemoDay.Scenario().ClosesMinute));
        var demo = DemoDay.Scenario(date: Monday, calendar: true);
        Assert.Equal((0.0, 1440.0), (demo.OpensMinute, demo.ClosesMinute)); // its 24-hour 民生服务区
        Assert.True(demo.MayIssue("BDC", 19 * 60)); // 夜市办
        Assert.False(demo.MayIssue("BDC", 22 * 60));
        Assert.True(demo.MayIssue("SBYB", 22 * 60));
    }

    [Fact]
    public void AForecastDuringALunchBreakRunsAndItsWindowsReopenAtOne()
    {
        // 12:30 on Monday: main (BDC) is closed for lunch, window 1 signed out, tidal window 4 still signed in; two tickets wait. The run issues
        // its hypothetical newcomer although the kiosk would refuse it, and both windows serve again from 13:00.
        var now = CalendarPlanningTests.At(Monday, 12, 30);
        var hall = CalendarPlanningTests.Hall;
        var lines = hall.Themes.Select(t => new Contracts.Snapshots.LineState(t.Code,
            t.Code == "BDC" ? [.. Enumerable.Range(0, 2).Select(i => new Contracts.Snapshots.WaitingTicket($"t{i}", $"A{i:000}", Contracts.Model.PriorityClass.Normal, now.AddMinutes(-45 + i), null))] : [],
            10, 2, now)).ToList();
        var windows = hall.Windows.Select(w => new Contracts.Snapshots.WindowSnapshot(hall.HallId, w.WindowNo, w.ZoneId,
            w.WindowNo == 1 ? Contracts.Model.WindowState.Closed : Contracts.Model.WindowState.Idle, null, null, null, w.Profile, null, 0, 0, now, null, 1)).ToList();
        var demand = ForwardDemand.From(lines, ForwardDemand.Rates(hall, lines, null, now));
        var live = new LiveHall(hall, now, lines, windows, demand);

        var forecast = ForwardPrediction.Run(live, replications: 5);

        var bdc = forecast["BDC"];
        Assert.Equal(3, bdc.Median.Length); // the two waiting and the newcomer
        Assert.InRange(bdc.Median[0], 30, 45); // called once the window opens at 13:00, not at closing
    }

    private static HallDayScenario Scenario(DateOnly date, double perHour) => new(
        CalendarPlanningTests.Hall,
        date,
        [.. CalendarPlanningTests.Hall.Themes.Select(t => ThemeDemand.Flat(t.Code, perHour, ServiceTimeModel.Exponential(t.ExpectedServiceMinutes)))]);
}

using Queue.Simulation;

namespace Queue.UnitTests.Simulation;

public sealed class SimulatorBehaviourTests
{
    private static readonly HallDayScenario BusyDay = DemoDay.Scenario(scale: 1.3) with { ServeAfterClosing = TimeSpan.FromMinutes(30) };

    [Theory]
    [InlineData(SimulationPolicy.DedicatedFifo)]
    [InlineData(SimulationPolicy.QueueRouting)]
    [InlineData(SimulationPolicy.QueueRoutingWithGuardian)]
    [InlineData(SimulationPolicy.QueueRoutingWithGuardianAndTidal)]
    public void EveryArrivalEndsServedCancelledExpiredOrNoShow(SimulationPolicy policy)
    {
        var scenario = BusyDay with { Behaviour = new CitizenBehaviour(NoShowShare: 0.1, MeanPatienceMinutes: 40, GreenChannelShare: 0.05, AppointmentShare: 0.1) };
        var draws = DayTickets.Draw(scenario, seed: 7);

        var day = HallDaySimulator.Run(scenario, policy, draws);

        Assert.Equal(draws.Count, day.Tickets.Count);
        Assert.All(day.Tickets, t => Assert.Contains(t.End, new[] { TicketEnd.Served, TicketEnd.Cancelled, TicketEnd.Expired, TicketEnd.NoShow }));
        Assert.Equal(draws.Count, day.Count(TicketEnd.Served) + day.Count(TicketEnd.Cancelled) + day.Count(TicketEnd.Expired) + day.Count(TicketEnd.NoShow));
        Assert.All(day.Tickets.Where(t => t.End is TicketEnd.Served or TicketEnd.NoShow), t => Assert.NotNull(t.CalledMinute));
        Assert.All(day.Tickets.Where(t => t.End == TicketEnd.Cancelled), t => Assert.Null(t.CalledMinute));
        Assert.True(day.Count(TicketEnd.NoShow) > 0 && day.Count(TicketEnd.Cancelled) > 0, "the day has no-shows and citizens who gave up");
    }

    [Fact]
    public void TheSameSeedGivesTheSameDayAndAnotherSeedAnotherDay()
    {
        var first = HallDaySimulator.Run(BusyDay, SimulationPolicy.QueueRoutingWithGuardianAndTidal, seed: 11);
        var again = HallDaySimulator.Run(BusyDay, SimulationPolicy.QueueRoutingWithGuardianAndTidal, seed: 11);
        var other = HallDaySimulator.Run(BusyDay, SimulationPolicy.QueueRoutingWithGuardianAndTidal, seed: 12);

        Assert.Equal(first.Tickets, again.Tickets);
        Assert.Equal(first.Windows, again.Windows);
        Assert.Equal(first.GuardianMoves, again.GuardianMoves);
        Assert.NotEqual(first.Tickets, other.Tickets);
    }

    [Fact]
    public void EveryPolicyServesTheSameCitizensWithTheSameServiceTimes()
    {
        var draws = DayTickets.Draw(BusyDay, seed: 5);

        var fifo = HallDaySimulator.Run(BusyDay, SimulationPolicy.DedicatedFifo, draws);
        var routed = HallDaySimulator.Run(BusyDay, SimulationPolicy.QueueRouting, draws);

        Assert.Equal(fifo.Tickets.Select(t => (t.ThemeCode, t.IssuedMinute)), routed.Tickets.Select(t => (t.ThemeCode, t.IssuedMinute)));
        Assert.Equal(draws, DayTickets.Draw(BusyDay, seed: 5));
    }

    [Fact]
    public void ATidalPlanMadeOnceForTheScenarioGivesTheSameDayAsOneMadeByTheDay()
    {
        var draws = DayTickets.Draw(BusyDay, seed: 4);

        var planned = HallDaySimulator.Run(BusyDay, SimulationPolicy.QueueRoutingWithGuardianAndTidal, draws, HallDaySimulator.TidalPlan(BusyDay));
        var itself = HallDaySimulator.Run(BusyDay, SimulationPolicy.QueueRoutingWithGuardianAndTidal, draws);

        Assert.Equal(itself.Tickets, planned.Tickets);
        Assert.True(HallDaySimulator.TidalPlan(BusyDay).Windows.Any(w => w.Themes.Any(t => t is not null)), "the plan gives the tidal windows themes");
    }

    [Fact]
    public void DedicatedFifoGivesEveryThemeAWindowAndTheRestByOfferedLoad()
    {
        var windows = DedicatedFifo.WindowsPerTheme(DemoDay.Scenario());

        Assert.Equal(20, windows.Values.Sum());
        Assert.All(DemoDay.PerHour.Keys, theme => Assert.True(windows[theme] >= 1, theme));
        Assert.Equal("BDC", windows.MaxBy(kv => kv.Value).Key);
    }

    [Fact]
    public void TheGuardianMovesWindowsOnlyUnderThePoliciesThatFollowIt()
    {
        var draws = DayTickets.Draw(BusyDay, seed: 3);

        Assert.Equal(0, HallDaySimulator.Run(BusyDay, SimulationPolicy.QueueRouting, draws).GuardianMoves);
        Assert.True(HallDaySimulator.Run(BusyDay, SimulationPolicy.QueueRoutingWithGuardian, draws).GuardianMoves > 0);
    }

    [Fact]
    public void AWindowTheStaffingPlanClosesCostsNoWindowHours()
    {
        var allDay = Enumerable.Range(0, 48).ToArray();
        var scenario = BusyDay with { Staffing = new StaffingPlan().Close(20, allDay) };
        var draws = DayTickets.Draw(scenario, seed: 9);

        var full = HallDaySimulator.Run(BusyDay, SimulationPolicy.QueueRouting, draws);
        var fewer = HallDaySimulator.Run(scenario, SimulationPolicy.QueueRouting, draws);

        Assert.True(fewer.Windows.WindowHours <= full.Windows.WindowHours - 8.5, $"{fewer.Windows.WindowHours} vs {full.Windows.WindowHours}");
    }
}

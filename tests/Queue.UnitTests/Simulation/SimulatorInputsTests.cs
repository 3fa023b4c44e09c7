using Queue.Contracts.Model;
using Queue.Domain.Analytics;
using Queue.Simulation;

namespace Queue.UnitTests.Simulation;

/// <summary>The simulator's inputs: replayed and forecast arrivals, sampled service times, transfers, holds and breaks.</summary>
public sealed class SimulatorInputsTests
{
    private static readonly HallDayScenario BusyDay = DemoDay.Scenario(scale: 1.3) with { ServeAfterClosing = TimeSpan.FromMinutes(30) };

    private static readonly CitizenBehaviour Everything = new(
        NoShowShare: 0.05, MeanPatienceMinutes: 60, GreenChannelShare: 0.02, AppointmentShare: 0.1, TransferShare: 0.08, HoldShare: 0.06, MeanHoldMinutes: 20);

    [Theory]
    [InlineData(SimulationPolicy.DedicatedFifo)]
    [InlineData(SimulationPolicy.QueueRouting)]
    [InlineData(SimulationPolicy.QueueRoutingWithGuardian)]
    [InlineData(SimulationPolicy.QueueRoutingWithGuardianAndTidal)]
    public void WithTransfersAndHoldsEveryArrivalStillEndsCalledCancelledExpiredOrNoShow(SimulationPolicy policy)
    {
        var scenario = BusyDay with { Behaviour = Everything };
        var draws = DayTickets.Draw(scenario, seed: 21);

        var day = HallDaySimulator.Run(scenario, policy, draws);

        Assert.Equal(draws.Count, day.Tickets.Count);
        Assert.All(day.Tickets, t => Assert.Contains(t.End, new[] { TicketEnd.Served, TicketEnd.Cancelled, TicketEnd.Expired, TicketEnd.NoShow }));
        Assert.All(day.Tickets.Where(t => t.End is TicketEnd.Served or TicketEnd.NoShow), t => Assert.NotNull(t.CalledMinute));
        var transferred = draws.Select((d, i) => (d, t: day.Tickets[i])).Where(x => x.d.TransferTo is not null).ToList();
        var held = draws.Select((d, i) => (d, t: day.Tickets[i])).Where(x => x.d.HoldMinutes is not null).ToList();
        Assert.True(transferred.Count > 20 && held.Count > 20, $"{transferred.Count} transfers and {held.Count} holds drawn");
        Assert.True(transferred.Count(x => x.t.End == TicketEnd.Served) > transferred.Count / 2, "most transferred citizens are served in their new theme");
        Assert.True(held.Count(x => x.t.End == TicketEnd.Served) > held.Count / 2, "most held citizens come back and are served");
        Assert.All(transferred, x => Assert.NotEqual(x.d.ThemeCode, x.d.TransferTo));
    }

    [Fact]
    public void TheSameSeedGivesTheSameDayWithTransfersHoldsAndBreaks()
    {
        var scenario = BusyDay with { Behaviour = Everything, Staffing = new StaffingPlan().BreakRota([1, 2, 3, 4, 5, 6], first: 23, slots: 4, length: 2) };

        var first = HallDaySimulator.Run(scenario, SimulationPolicy.QueueRoutingWithGuardianAndTidal, seed: 31);
        var again = HallDaySimulator.Run(scenario, SimulationPolicy.QueueRoutingWithGuardianAndTidal, seed: 31);
        var other = HallDaySimulator.Run(scenario, SimulationPolicy.QueueRoutingWithGuardianAndTidal, seed: 32);

        Assert.Equal(first.Tickets, again.Tickets);
        Assert.Equal(first.Windows, again.Windows);
        Assert.NotEqual(first.Tickets, other.Tickets);
    }

    [Fact]
    public void TransferAndHoldSharesLeaveTheOtherDrawsOfTheDayAlone()
    {
        var plain = DayTickets.Draw(BusyDay, seed: 9);
        var busy = DayTickets.Draw(BusyDay with { Behaviour = BusyDay.Behaviour with { TransferShare = 0.2, HoldShare = 0.2 } }, seed: 9);

        Assert.Equal(plain.Select(d => (d.ThemeCode, d.Minute, d.ServiceMinutes, d.Priority)), busy.Select(d => (d.ThemeCode, d.Minute, d.ServiceMinutes, d.Priority)));
        Assert.All(plain, d => Assert.True(d.TransferTo is null && d.HoldMinutes is null));
    }

    [Theory]
    [InlineData(SimulationPolicy.DedicatedFifo)]
    [InlineData(SimulationPolicy.QueueRouting)]
    public void ALunchRotaLowersTheWindowHoursByTheClosedSlots(SimulationPolicy policy)
    {
        var draws = DayTickets.Draw(BusyDay, seed: 5);
        var windows = BusyDay.Hall.Windows.Select(w => w.WindowNo).ToList();
        var lunch = BusyDay with { Staffing = new StaffingPlan().BreakRota(windows, first: 23, slots: 4, length: 2) }; // 11:30–13:30, each window away 1 h

        var full = HallDaySimulator.Run(BusyDay, policy, draws);
        var rota = HallDaySimulator.Run(lunch, policy, draws);

        // 20 windows × 8.5 h, and the citizens still at a window at closing served (ServeAfterClosing); the rota takes one hour from each window
        Assert.InRange(full.Windows.WindowHours, 170, 175);
        Assert.InRange(rota.Windows.WindowHours, full.Windows.WindowHours - windows.Count - 1, full.Windows.WindowHours - windows.Count + 3); // a citizen at the window is finished first
        Assert.True(rota.MeanWait > full.MeanWait, "fewer window-hours at the lunch peak make longer waits");
    }

    [Fact]
    public void AReplayedDayIssuesExactlyTheDaysTicketsAtTheirTimes()
    {
        var slots = new List<ArrivalSlot>
        {
            new("BDC", 540.5, 540.5, 1), new("BDC", 541.25, 541.25, 1), new("SW", 600, 615, 12), new("HJ", 400, 400, 1), // HJ before opening
        };
        var replay = new ReplayArrivals(slots);
        var scenario = new HallDayScenario(BusyDay.Hall, BusyDay.Date, replay.Demand(BusyDay.Hall.ThemeCodes, _ => ServiceTimeModel.Exponential(5)))
        {
            ArrivalSource = replay,
        };

        var draws = DayTickets.Draw(scenario, seed: 1);
        var again = DayTickets.Draw(scenario, seed: 1);

        Assert.Equal(14, draws.Count);
        Assert.Equal(new[] { 540.5, 541.25 }, draws.Where(d => d.ThemeCode == "BDC").Select(d => d.Minute));
        Assert.All(draws.Where(d => d.ThemeCode == "SW"), d => Assert.InRange(d.Minute, 600, 615));
        Assert.Equal(draws, again);
        Assert.Equal(12, scenario.Demand.Single(d => d.ThemeCode == "SW").ArrivalsPerInterval[20]);
        Assert.Equal(15, replay.Total);
    }

    [Fact]
    public void AForecastBecomesPoissonRatesPerThemeAndHalfHour()
    {
        var forecast = new DemandForecastResult(BusyDay.Date, 4, [
            new IntervalDemand("BDC", 18, 10, 6, HandleTimeSource.Interval),
            new IntervalDemand("BDC", 19, 30, 8, HandleTimeSource.Interval),
            new IntervalDemand("SW", 18, 0, 9, HandleTimeSource.Expected),
        ]);

        var demand = ThemeDemand.FromForecast(forecast, (_, handle) => ServiceTimeModel.Lognormal(handle, 0.8));

        var bdc = demand.Single(d => d.ThemeCode == "BDC");
        Assert.Equal(10, bdc.ArrivalsPerInterval[18]);
        Assert.Equal(30, bdc.ArrivalsPerInterval[19]);
        Assert.Equal(7.5, bdc.Service.MeanMinutes, 6); // weighted by arrivals
        Assert.Equal(9, demand.Single(d => d.ThemeCode == "SW").Service.MeanMinutes);
    }

    [Fact]
    public void RecordedServiceTimesAreSampledWhenThereAreEnough()
    {
        var recorded = Enumerable.Range(1, 30).Select(i => (double)i).ToList();
        var fallback = ServiceTimeModel.Lognormal(9, 0.8);

        var model = ServiceTimeModel.FromHistory(recorded, fallback);
        var random = new Random(3);
        var draws = Enumerable.Range(0, 500).Select(_ => model.Sample(random)).ToList();

        Assert.Equal(ServiceTimeShape.Empirical, model.Shape);
        Assert.Equal(15.5, model.MeanMinutes, 6);
        Assert.All(draws, d => Assert.Contains(d, recorded));
        Assert.Same(fallback, ServiceTimeModel.FromHistory(recorded.Take(5).ToList(), fallback));
        Assert.Same(fallback, ServiceTimeModel.FromHistory(null, fallback));
    }

    [Fact]
    public void TheTidalPolicyFollowsTheScenariosStoredPlan()
    {
        var stored = HallDaySimulator.TidalPlan(BusyDay with { Demand = DemoDay.Scenario(scale: 0.5).Demand });
        var scenario = BusyDay with { TidalAdvice = stored, Staffing = StaffingPlan.FromTidal(BusyDay.Hall, stored) };

        Assert.Same(stored, HallDaySimulator.TidalPlan(scenario));
        var tidal = BusyDay.Hall.Windows.Where(w => w.Tidal).ToList();
        Assert.NotEmpty(tidal);
        Assert.Equal(tidal.Count * stored.Intervals.Length, scenario.Staffing.Entries.Count);
        var day = HallDaySimulator.Run(scenario, SimulationPolicy.QueueRoutingWithGuardianAndTidal, seed: 2);
        Assert.True(day.Tickets.Count > 500);
        Assert.Equal(PriorityClass.Normal, HallDaySimulator.Run(scenario, SimulationPolicy.DedicatedFifo, seed: 2).Tickets.Select(t => t.Priority).Distinct().Single());
    }
}

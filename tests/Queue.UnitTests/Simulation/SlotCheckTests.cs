using Queue.Contracts.Config;
using Queue.Domain.Booking;
using Queue.Simulation;
using Xunit.Abstractions;

namespace Queue.UnitTests.Simulation;

/// <summary>
/// The booking capacities checked by simulation (<see cref="SlotCheck"/>): every slot filled to its capacity with
/// appointments at its start, on top of the day's walk-ins. Figures for the demo hall are in docs/simulation.md.
/// </summary>
public sealed class SlotCheckTests(ITestOutputHelper output)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 8);

    [Fact]
    public void TheDefaultCapacityMeetsTheGoalOnTheDemoHallsWeekday()
    {
        var scenario = DemoDay.Scenario(1, Tuesday);
        var verdicts = Check(scenario, 10);

        Report(verdicts);
        Assert.Contains(verdicts, v => v.Slot.Capacity > 0);
        // Every slot that takes bookings meets the goal. Measured (seed 20261208, 10 days): 38 bookings over the day's 136
        // slots, 380 appointments and 5,439 walk-ins judged, 100% and 99.9% within target; one slot misses with no
        // bookings at all (HJ 10:00, its walk-ins alone at 89.7% of 39): the rule had already closed it.
        Assert.All(verdicts.Where(v => v.Slot.Capacity > 0), v => Assert.True(v.Meets, $"{v.Slot}: walk-ins {v.WalkInShare:P1}, appointments {v.AppointmentShare:P1}"));
        Assert.All(verdicts.Where(v => !v.Meets), v => Assert.Null(v.Suggested));
    }

    [Fact]
    public void ATooGenerousFixedCapacityMissesAndALowerOneIsSuggested()
    {
        var day = DemoDay.Scenario(1, Tuesday);
        var theme = day.Hall.Themes[0].Code;
        var hall = day.Hall with { Booking = BookingConfig.Default with { Themes = [new BookingThemeConfig(theme, Capacity: 40)] } };
        var verdicts = Check(day with { Hall = hall }, 3);

        Report(verdicts);
        var generous = verdicts.Where(v => v.Slot.ThemeCode == theme).ToList();
        Assert.All(generous, v => Assert.Equal(40, v.Slot.Capacity));
        Assert.Contains(generous, v => !v.Meets);
        Assert.All(generous.Where(v => !v.Meets), v => Assert.True(v.Suggested < 40, $"{v.Slot}: suggested {v.Suggested}"));
        Assert.All(generous, v => Assert.True(v.Meets == (v.Suggested is null)));
    }

    [Fact]
    public void ReplicationsMustBeAtLeastOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotCheck.Run(DemoDay.Scenario(1, Tuesday), [], SimulationPolicy.QueueRoutingWithGuardianAndTidal, 0, 1));

    /// <summary>The day's slots at the capacity the booking rule gives them on the day's own forecast (the scenario's rates as tidal advice).</summary>
    private static IReadOnlyList<SlotVerdict> Check(HallDayScenario scenario, int replications)
    {
        var advice = HallDaySimulator.TidalPlan(scenario);
        scenario = scenario with { TidalAdvice = advice, ServeAfterClosing = TimeSpan.FromMinutes(30) };
        var slots = scenario.Hall.Themes
            .SelectMany(t => BookingSlots.For(scenario.Hall, t, scenario.Date)
                .Select(s => SlotLoad.Of(scenario, t.Code, s.Start, s.End, SlotCapacity.For(scenario.Hall, t, s, advice))))
            .ToList();
        return SlotCheck.Run(scenario, slots, SimulationPolicy.QueueRoutingWithGuardianAndTidal, replications, 20261208);
    }

    private void Report(IReadOnlyList<SlotVerdict> verdicts)
    {
        foreach (var v in verdicts)
        {
            output.WriteLine($"{v.Slot.ThemeCode} {v.Slot.StartMinute / 60:00.00} cap {v.Slot.Capacity}: walk-ins {v.WalkInShare:P1} ({v.WalkIns}), appointments {v.AppointmentShare:P1} ({v.Appointments}) {(v.Meets ? "meets" : $"misses → {v.Suggested}")}");
        }

        var app = verdicts.Sum(v => v.Appointments);
        var walk = verdicts.Sum(v => v.WalkIns);
        output.WriteLine($"capacity {verdicts.Sum(v => v.Slot.Capacity)}; walk-ins {verdicts.Sum(v => (v.WalkInShare ?? 0) * v.WalkIns) / Math.Max(1, walk):P2} of {walk}; appointments {verdicts.Sum(v => (v.AppointmentShare ?? 0) * v.Appointments) / Math.Max(1, app):P2} of {app}; misses {verdicts.Count(v => !v.Meets)}");
    }
}

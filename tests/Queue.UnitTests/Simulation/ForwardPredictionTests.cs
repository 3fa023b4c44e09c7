using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Simulation;
using Queue.TestSupport;

namespace Queue.UnitTests.Simulation;

/// <summary>The forward wait prediction from a live hall: ranges by place in line, the closed form inside them in a stationary case, servedness, reproducibility.</summary>
public sealed class ForwardPredictionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero); // 10:00 in Shanghai

    [Fact]
    public void EachPlaceInTheLineGetsARangeThatGrowsWithThePlaceAndTheNewcomerComesLast()
    {
        var forecast = ForwardPrediction.Run(Hall(waiting: 8, openWindows: 2))["AA"];

        Assert.Equal(9, forecast.Median.Length); // 8 waiting + the newcomer
        for (var k = 0; k < forecast.Median.Length; k++)
        {
            Assert.InRange(forecast.Median[k], forecast.Low[k], forecast.High[k]);
            Assert.True(k == 0 || forecast.Median[k] >= forecast.Median[k - 1], $"place {k}");
        }

        Assert.Equal(0, forecast.High[0]); // two windows idle: the first two are called at once
        Assert.Equal(0, forecast.High[1]);
    }

    [Fact]
    public void ALineLongerThanThePlacesFollowedIsForecastForThoseAndTheClosedFormExtendsItToTheNewcomer()
    {
        var waiting = ForwardPrediction.MaxFollowedPlaces + 300;

        var forecast = ForwardPrediction.Run(Hall(waiting, openWindows: 2), replications: 4)["AA"];

        // The first places only, no newcomer: the run ended when they were called, not when 500 were.
        Assert.Equal(ForwardPrediction.MaxFollowedPlaces, forecast.Median.Length);
        var last = ForwardPrediction.MaxFollowedPlaces - 1;
        Assert.True(forecast.Median[last] > forecast.Median[0]);
        // A newcomer behind all of them: the last simulated place plus 10-minute services on two windows for the rest.
        var newcomer = WaitPrediction.Predict(waiting, 10, 2, forecast, Now)!.Value;
        Assert.True(newcomer.Simulated);
        Assert.Equal(Math.Round(forecast.Median[last] + ((waiting - last) * 10 / 2.0), 1), newcomer.Point);
    }

    [Fact]
    public void AForwardRunDrawsTheArrivalsOnlyAsFarAsItRuns()
    {
        // A surge's observed rate, 200 arrivals a half hour, with 5 waiting on 2 windows: the newcomer is called within the
        // hour, so the run draws a stretch or two of arrivals, not the 14 stretches left of the day.
        var quiet = Hall(waiting: 5, openWindows: 2);
        var live = quiet with { Demand = [new ThemeDemand("AA", [.. Enumerable.Repeat(200.0, 48)], ServiceTimeModel.Exponential(10))] };
        var scenario = new HallDayScenario(live.Hall, new DateOnly(2026, 11, 24), live.Demand);
        var random = new Random(3);

        var day = HallDay.Forward(scenario, live, new DayTickets.DayDrawer(scenario, random), random);
        day.Simulate();

        var wholeRest = new DayTickets.DayDrawer(scenario, new Random(3)).Draw(10 * 60, scenario.ClosesMinute).Count;
        Assert.True(wholeRest > 2_500, $"{wholeRest} arrivals from 10:00 to closing");
        Assert.InRange(day.ArrivalsDrawn, 1, 2 * 200 * 2); // at most two stretches, with room for the draw's spread
        Assert.All(day.Followed(), f => Assert.NotNull(f.Wait)); // every followed ticket was called: the run did not run short
    }

    [Fact]
    public void InAStationaryCaseTheRangeHoldsTheClosedForm()
    {
        // Two dedicated windows, exponential 10-minute services, 10 waiting: the closed form says k × 10 ÷ 2 for k ahead.
        var live = Hall(waiting: 10, openWindows: 2);
        var forecast = ForwardPrediction.Run(live, replications: 40)["AA"];

        foreach (var k in new[] { 4, 7, 10 })
        {
            var closed = WaitPrediction.Minutes(k, 10, 2)!.Value;
            Assert.InRange(closed, forecast.Low[k], forecast.High[k]);
            var shown = WaitPrediction.Predict(k, 10, 2, forecast, Now)!.Value;
            Assert.True(shown.Simulated);
            Assert.InRange(closed, shown.Low, shown.High);
        }
    }

    [Fact]
    public void ATicketInServiceHoldsItsWindowForTheRestOfItsServiceAndTheLineWaitsBehindIt()
    {
        var idle = Hall(waiting: 2, openWindows: 1);
        var busy = idle with
        {
            Windows = [.. idle.Windows.Select(w => w.WindowNo == 1
                ? w with { State = WindowState.Serving, Current = new CurrentTicket("served", "AA", "A900"), Since = Now.AddMinutes(-5) }
                : w)],
        };

        var atOnce = ForwardPrediction.Run(idle)["AA"];
        var behind = ForwardPrediction.Run(busy)["AA"];

        Assert.Equal(0, atOnce.High[0]); // the idle window calls the first at once
        Assert.True(behind.Low[0] > 0, $"low {behind.Low[0]}"); // the busy one first finishes its citizen
        Assert.True(behind.Median[2] > atOnce.Median[2]);
    }

    [Fact]
    public void ALineNoOpenWindowServesHasNoForecastAndNoPredictedWait()
    {
        var forecast = ForwardPrediction.Run(Hall(waiting: 3, openWindows: 0));

        Assert.False(forecast.ContainsKey("AA") && forecast["AA"].Median.Length > 0);
        Assert.Null(WaitPrediction.Predict(2, 10, 0, forecast.GetValueOrDefault("AA"), Now));
    }

    [Fact]
    public void TheSameSeedGivesTheSameForecast()
    {
        var live = Hall(waiting: 5, openWindows: 1);
        Assert.Equal(ForwardPrediction.Run(live, seed: 3)["AA"].High.ToArray(), ForwardPrediction.Run(live, seed: 3)["AA"].High.ToArray());
    }

    [Fact]
    public void WithoutAFreshForecastThePredictionFallsBackToTheClosedFormAsOneFigure()
    {
        var stale = new ThemeWaitForecast("AA", Now.AddMinutes(-5), [0, 5], [1, 8], [2, 12], 20);

        var fallback = WaitPrediction.Predict(3, 10, 2, stale, Now)!.Value;

        Assert.False(fallback.Simulated);
        Assert.Equal((15, 15, 15), (fallback.Point, fallback.Low, fallback.High));
    }

    [Fact]
    public void ARangeIsRoundedOutwardsToMinutesFiveOrTenAndNeverCollapses()
    {
        Assert.Equal((2, 8), WaitPrediction.Round(2.4, 7.2));
        Assert.Equal((10, 25), WaitPrediction.Round(12.5, 21));
        Assert.Equal((60, 90), WaitPrediction.Round(63, 84));
        Assert.Equal((0, 1), WaitPrediction.Round(0, 0));
    }

    private static LiveHall Hall(int waiting, int openWindows)
    {
        var hall = TestHalls.Small("fwd", ["AA"], WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("AA"));
        var line = new LineState("AA",
            [.. Enumerable.Range(0, waiting).Select(i => new WaitingTicket($"t{i}", $"A{i:000}", PriorityClass.Normal, Now.AddMinutes(-30 + i), null))],
            10, waiting, Now);
        var windows = hall.Windows.Select(w => new WindowSnapshot("fwd", w.WindowNo, "z", w.WindowNo <= openWindows ? WindowState.Idle : WindowState.Closed,
            null, null, null, w.Profile, null, 0, 0, Now, null, 1)).ToList();
        var demand = new[] { new ThemeDemand("AA", [.. Enumerable.Repeat(0.0, 48)], ServiceTimeModel.Exponential(10)) };
        return new LiveHall(hall, Now, [line], windows, demand);
    }
}

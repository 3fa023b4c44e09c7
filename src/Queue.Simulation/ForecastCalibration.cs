using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.Simulation;

/// <summary>
/// How well the predicted wait does, measured on simulated days taken as the truth: at every <c>everyNth</c> normal
/// ticket's issue, the hall's state is read as the hall grain reads it (<see cref="HallDay.Live"/>), the forward prediction
/// is made from it as the engine makes it (demand from the forecast rates, here the day's true rates, and the lines' rolling
/// service times; citizens assumed to wait and show up), and the range shown (<see cref="WaitPrediction.Predict"/>) is
/// compared with the ticket's simulated wait, beside today's closed form made from the same state. Tickets never called
/// (gave up, or expired at closing) are left out: their wait is unknown. The same moments also check the range each ticket
/// already waiting then was given for the rest of its wait (<see cref="Result.WaitingShareInside"/>). <c>forecastFactor</c>
/// scales the rates the predictor is given (1: a perfect forecast; 0.8: one that expects 20% too few arrivals).
/// </summary>
public static class ForecastCalibration
{
    public sealed record Result(
        int Samples, double ShareInside, double MedianErrorForward, double MedianErrorClosedForm, double MedianWidth, double ShareClosedFormWithin5, int LeftOut,
        int WaitingSamples, double WaitingShareInside, double WaitingMedianErrorForward, double WaitingMedianErrorClosedForm);

    public static Result Run(
        HallDayScenario truth, SimulationPolicy policy, int days, int everyNth, int replications = ForwardPrediction.Replications, int seed = 1, double forecastFactor = 1)
    {
        var samples = new List<(double Actual, WaitRange Forward, double Closed)>();
        var waitingSamples = new List<(double Actual, WaitRange Forward, double Closed)>();
        var leftOut = 0;
        TidalAdvice? plan = policy == SimulationPolicy.QueueRoutingWithGuardianAndTidal ? HallDaySimulator.TidalPlan(truth) : null;
        for (var d = 0; d < days; d++)
        {
            var draws = DayTickets.Draw(truth, seed + d);
            var day = new HallDay(truth, policy, draws, plan);
            var moments = new List<(int Index, LiveHall Live)>();
            var normal = 0;
            day.BeforeIssue = index =>
            {
                if (draws[index].Priority == PriorityClass.Normal && normal++ % everyNth == 0)
                {
                    moments.Add((index, day.Live()));
                }
            };
            var outcomes = day.Run().Tickets;
            foreach (var (index, live) in moments)
            {
                if (outcomes[index].WaitMinutes is not { } actual)
                {
                    leftOut++;
                    continue;
                }

                var theme = draws[index].ThemeCode;
                var predictor = live with
                {
                    Demand = ForwardDemand.From(live.Lines, (code, i) => truth.Demand.First(x => x.ThemeCode == code).ArrivalsPerInterval[i] * 2 * forecastFactor),
                    Behaviour = CitizenBehaviour.None,
                };
                var forecast = ForwardPrediction.Run(predictor, replications, seed + index);
                WaitingTickets(day, live, forecast, waitingSamples);
                var line = live.Lines.First(l => l.ThemeCode == theme);
                var ahead = line.Waiting.Count(t => t.DirectedToWindow is null);
                var capacity = WaitPrediction.Capacity(live.Windows,
                    [.. live.Lines.Select(l => new ThemeLoad(l.ThemeCode, l.Waiting.Count(t => t.DirectedToWindow is null), l.AverageServiceMinutes))]);
                var served = capacity.GetValueOrDefault(theme);
                if (WaitPrediction.Predict(ahead, line.AverageServiceMinutes, served, forecast.GetValueOrDefault(theme), live.Now) is not { } range)
                {
                    leftOut++;
                    continue;
                }

                samples.Add((actual, range, WaitPrediction.Minutes(ahead, line.AverageServiceMinutes, served) ?? 0));
            }
        }

        return new Result(
            samples.Count,
            samples.Count(s => s.Actual >= s.Forward.Low && s.Actual <= s.Forward.High) / (double)Math.Max(1, samples.Count),
            Median(samples.Select(s => Math.Abs(s.Forward.Point - s.Actual))),
            Median(samples.Select(s => Math.Abs(s.Closed - s.Actual))),
            Median(samples.Select(s => s.Forward.High - s.Forward.Low)),
            samples.Count(s => Math.Abs(s.Closed - s.Actual) <= 5) / (double)Math.Max(1, samples.Count),
            leftOut,
            waitingSamples.Count,
            waitingSamples.Count(s => s.Actual >= s.Forward.Low && s.Actual <= s.Forward.High) / (double)Math.Max(1, waitingSamples.Count),
            Median(waitingSamples.Select(s => Math.Abs(s.Forward.Point - s.Actual))),
            Median(waitingSamples.Select(s => Math.Abs(s.Closed - s.Actual))));
    }

    /// <summary>Each ticket of the common lines waiting at the moment: its range for the rest of its wait against when the true day called it.</summary>
    private static void WaitingTickets(HallDay day, LiveHall live, IReadOnlyDictionary<string, ThemeWaitForecast> forecast, List<(double, WaitRange, double)> samples)
    {
        var capacity = WaitPrediction.Capacity(live.Windows,
            [.. live.Lines.Select(l => new ThemeLoad(l.ThemeCode, l.Waiting.Count(t => t.DirectedToWindow is null), l.AverageServiceMinutes))]);
        var nowMinute = TimeZoneInfo.ConvertTime(live.Now, BusinessClock.Zone(live.Hall.TimeZone)).TimeOfDay.TotalMinutes;
        foreach (var line in live.Lines)
        {
            var served = capacity.GetValueOrDefault(line.ThemeCode);
            var k = 0;
            foreach (var ticket in line.Waiting.Where(t => t.DirectedToWindow is null))
            {
                var place = k++;
                if (day.CalledMinute(ticket.TicketId) is not { } called
                    || WaitPrediction.Predict(place, line.AverageServiceMinutes, served, forecast.GetValueOrDefault(line.ThemeCode), live.Now) is not { } range)
                {
                    continue;
                }

                samples.Add((called - nowMinute, range, WaitPrediction.Minutes(place, line.AverageServiceMinutes, served) ?? 0));
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return Math.Round(ForwardPrediction.Percentile(sorted, 0.5), 2);
    }
}

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
/// (gave up, or expired at closing) are left out: their wait is unknown.
/// </summary>
public static class ForecastCalibration
{
    public sealed record Result(int Samples, double ShareInside, double MedianErrorForward, double MedianErrorClosedForm, double MedianWidth, double ShareClosedFormWithin5, int LeftOut);

    public static Result Run(HallDayScenario truth, SimulationPolicy policy, int days, int everyNth, int replications = ForwardPrediction.Replications, int seed = 1)
    {
        var samples = new List<(double Actual, WaitRange Forward, double Closed)>();
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
                    Demand = ForwardDemand.From(live.Lines, (code, i) => truth.Demand.First(x => x.ThemeCode == code).ArrivalsPerInterval[i] * 2),
                    Behaviour = CitizenBehaviour.None,
                };
                var forecast = ForwardPrediction.Run(predictor, replications, seed + index);
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
            leftOut);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return Math.Round(ForwardPrediction.Percentile(sorted, 0.5), 2);
    }
}

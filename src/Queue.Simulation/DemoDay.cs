using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// A working day at the demo hall (<see cref="DemoHall"/>, 滨江区市民之家, 08:30–17:00): each theme's average arrivals an
/// hour times a two-peak day (the morning peak at 09:30, the afternoon one at 14:30, quiet at lunch), lognormal service
/// times (the theme's expected minutes, CV 0.8), 3% no-shows, 3% 绿色通道, 10% appointments, patience 120 minutes on average.
/// <paramref name="scale"/> multiplies every rate: at 1 the hall's windows are about 70% busy.
/// </summary>
public static class DemoDay
{
    /// <summary>Arrivals an hour, averaged over the open day, at scale 1.</summary>
    public static IReadOnlyDictionary<string, double> PerHour { get; } = new Dictionary<string, double>
    {
        ["BDC"] = 16, ["QYKB"] = 5, ["SW"] = 11, ["SBYB"] = 12, ["GJJ"] = 7, ["XSE"] = 3, ["HJ"] = 6, ["CRJ"] = 6,
    };

    /// <summary>The day's shape from 08:30 (interval 17) to 17:00, one factor per 30 minutes; it averages 1.</summary>
    public static IReadOnlyList<double> Shape { get; } = [0.8, 1.3, 1.5, 1.4, 1.2, 1.0, 0.7, 0.5, 0.6, 0.9, 1.1, 1.3, 1.3, 1.1, 0.9, 0.8, 0.6];

    /// <param name="calendar">false (the default): the documented 08:30–17:00 day (the demo hall's single pair of hours);
    /// true: the demo hall's own calendar for <paramref name="date"/> (its lunch service, 夜市办 evenings, 24-hour zone and holidays).</param>
    public static HallDayScenario Scenario(double scale = 1, DateOnly? date = null, bool calendar = false)
    {
        var hall = calendar ? DemoHall.Load() : DemoHall.Load() with { Calendar = null };
        var first = AnalyticsInterval.Of(hall.Opens);
        var demand = hall.Themes.Select(t =>
        {
            var perInterval = new double[AnalyticsInterval.PerDay];
            for (var k = 0; k < Shape.Count; k++)
            {
                perInterval[first + k] = PerHour.GetValueOrDefault(t.Code) * scale * Shape[k] * AnalyticsInterval.Minutes / 60;
            }

            return new ThemeDemand(t.Code, perInterval, ServiceTimeModel.Lognormal(t.ExpectedServiceMinutes, 0.8));
        }).ToList();
        return new HallDayScenario(hall, date ?? new DateOnly(2026, 12, 8), demand)
        {
            Behaviour = new CitizenBehaviour(NoShowShare: 0.03, MeanPatienceMinutes: 120, GreenChannelShare: 0.03, AppointmentShare: 0.10),
        };
    }
}

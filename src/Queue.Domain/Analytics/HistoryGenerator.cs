namespace Queue.Domain.Analytics;

/// <summary>
/// Weeks of believable history for a demo hall, the same for the same seed. Open Monday to Friday 08:30–17:00 (weekends
/// and other hours have no records). Each theme gets its own stream of randomness (seeded from the seed and its code),
/// so adding a theme leaves the others' history unchanged. Expected arrivals in an interval =
/// arrivals per day × weekday factor × day noise × hour shape, drawn Poisson:
/// <list type="bullet">
/// <item>weekday: Monday the peak (×1.30), Tuesday ×1.05, Wednesday ×1.00, Thursday ×0.95, Friday ×0.85, each
/// jittered ±5 % per theme; every day has lognormal noise (σ 0.08);</item>
/// <item>hour: a base of 0.25 plus a morning peak (Gaussian around 10:00–10:30 per theme, σ 45 min) plus an afternoon
/// bump (around 14:45, σ 48 min, 0.45–0.7 of the morning), times 0.35 over lunch 12:00–13:30;</item>
/// <item>service: one sample per arrival in its interval, lognormal around the theme's expected minutes.</item>
/// </list>
/// </summary>
public static class HistoryGenerator
{
    public static readonly TimeOnly Opens = new(8, 30);

    public static readonly TimeOnly Closes = new(17, 0);

    private static readonly double[] WeekdayFactor = [1.30, 1.05, 1.00, 0.95, 0.85];

    public static GeneratedHistory Generate(IReadOnlyList<HistoryTheme> themes, DateOnly firstDate, int weeks, int seed)
    {
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentOutOfRangeException.ThrowIfNegative(weeks);
        var arrivals = new List<ArrivalCount>();
        var services = new List<ServiceSample>();
        var firstInterval = AnalyticsInterval.Of(Opens);
        var lastInterval = AnalyticsInterval.Of(Closes) - 1;
        foreach (var theme in themes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(theme.ArrivalsPerDay);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(theme.ExpectedServiceMinutes);
            var random = new Random(StableSeed(seed, theme.Code));
            var weekday = WeekdayFactor.Select(f => f * (1 + (0.1 * (random.NextDouble() - 0.5)))).ToArray();
            var shape = HourShape(firstInterval, lastInterval, 10 + (0.5 * random.NextDouble()), 0.45 + (0.25 * random.NextDouble()));
            var mu = Math.Log(theme.ExpectedServiceMinutes) - (theme.ServiceSigma * theme.ServiceSigma / 2);
            for (var day = 0; day < weeks * 7; day++)
            {
                var date = firstDate.AddDays(day);
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                var dayVolume = theme.ArrivalsPerDay * weekday[(int)date.DayOfWeek - 1] * Math.Exp(0.08 * Normal(random));
                for (var interval = firstInterval; interval <= lastInterval; interval++)
                {
                    var count = Poisson(random, dayVolume * shape[interval - firstInterval]);
                    arrivals.Add(new ArrivalCount(theme.Code, date, interval, count));
                    for (var k = 0; k < count; k++)
                    {
                        var minutes = Math.Exp(mu + (theme.ServiceSigma * Normal(random)));
                        services.Add(new ServiceSample(theme.Code, date, interval, Math.Round(minutes, 2)));
                    }
                }
            }
        }

        return new GeneratedHistory(arrivals, services);
    }

    /// <summary>The share of a day's arrivals in each open interval (summing to 1).</summary>
    private static double[] HourShape(int firstInterval, int lastInterval, double morningPeak, double afternoonBump)
    {
        var shape = new double[lastInterval - firstInterval + 1];
        for (var i = 0; i < shape.Length; i++)
        {
            var start = AnalyticsInterval.Start(firstInterval + i);
            var middle = start.Hour + ((start.Minute + (AnalyticsInterval.Minutes / 2.0)) / 60);
            var lunch = start >= new TimeOnly(12, 0) && start < new TimeOnly(13, 30) ? 0.35 : 1;
            shape[i] = lunch * (0.25 + Gauss(middle, morningPeak, 0.75) + (afternoonBump * Gauss(middle, 14.75, 0.8)));
        }

        var total = shape.Sum();
        return [.. shape.Select(s => s / total)];
    }

    private static double Gauss(double x, double centre, double sigma) => Math.Exp(-0.5 * Math.Pow((x - centre) / sigma, 2));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal(random))));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
        {
            count++;
        }

        return count;
    }

    /// <summary>FNV-1a over the code, mixed with the seed (string.GetHashCode differs between runs).</summary>
    private static int StableSeed(int seed, string code)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var ch in code)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}

namespace Queue.Simulation;

/// <summary>The shape of a theme's service times (办理时长).</summary>
public enum ServiceTimeShape
{
    /// <summary>Memoryless: the coefficient of variation is 1 whatever is asked.</summary>
    Exponential = 0,

    /// <summary>Lognormal with the given mean and coefficient of variation (a long right tail, as real counters have).</summary>
    Lognormal = 1,

    /// <summary>Drawn from the hall's own recent service times (办理时长 in the store), each equally likely.</summary>
    Empirical = 2,
}

/// <summary>
/// A theme's service time: its shape, mean (minutes) and coefficient of variation (standard deviation ÷ mean); an
/// empirical model also holds its samples.
/// </summary>
public sealed record ServiceTimeModel(ServiceTimeShape Shape, double MeanMinutes, double Cv = 1)
{
    private IReadOnlyList<double> _samples = [];

    /// <summary>The fewest samples a theme needs before its history is sampled rather than a distribution assumed.</summary>
    public const int MinSamples = 20;

    /// <summary>The empirical model's samples (empty for the others).</summary>
    public IReadOnlyList<double> Samples => _samples;

    /// <summary>Samples the theme's recorded service times (minutes, each > 0; at least one).</summary>
    public static ServiceTimeModel Empirical(IReadOnlyList<double> minutes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(minutes.Count);
        var mean = minutes.Average();
        var cv = minutes.Count > 1 ? Math.Sqrt(minutes.Sum(m => (m - mean) * (m - mean)) / (minutes.Count - 1)) / mean : 0;
        return new ServiceTimeModel(ServiceTimeShape.Empirical, mean, cv) { _samples = [.. minutes] };
    }

    /// <summary>The recorded times when there are at least <see cref="MinSamples"/>, else <paramref name="otherwise"/>.</summary>
    public static ServiceTimeModel FromHistory(IReadOnlyList<double>? minutes, ServiceTimeModel otherwise) =>
        minutes is { Count: >= MinSamples } ? Empirical(minutes) : otherwise;

    public static ServiceTimeModel Exponential(double meanMinutes) => new(ServiceTimeShape.Exponential, meanMinutes);

    public static ServiceTimeModel Lognormal(double meanMinutes, double cv) => new(ServiceTimeShape.Lognormal, meanMinutes, cv);

    /// <summary>One draw, in minutes.</summary>
    public double Sample(Random random)
    {
        if (Shape == ServiceTimeShape.Empirical)
        {
            return _samples[random.Next(_samples.Count)];
        }

        if (Shape == ServiceTimeShape.Exponential)
        {
            return -MeanMinutes * Math.Log(1 - random.NextDouble());
        }

        var sigma2 = Math.Log(1 + (Cv * Cv));
        var mu = Math.Log(MeanMinutes) - (sigma2 / 2);
        return Math.Exp(mu + (Math.Sqrt(sigma2) * StandardNormal(random)));
    }

    private static double StandardNormal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

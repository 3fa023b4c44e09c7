namespace Queue.Simulation;

/// <summary>The shape of a theme's service times (办理时长).</summary>
public enum ServiceTimeShape
{
    /// <summary>Memoryless: the coefficient of variation is 1 whatever is asked.</summary>
    Exponential = 0,

    /// <summary>Lognormal with the given mean and coefficient of variation (a long right tail, as real counters have).</summary>
    Lognormal = 1,
}

/// <summary>A theme's service time: its shape, mean (minutes) and coefficient of variation (standard deviation ÷ mean).</summary>
public sealed record ServiceTimeModel(ServiceTimeShape Shape, double MeanMinutes, double Cv = 1)
{
    public static ServiceTimeModel Exponential(double meanMinutes) => new(ServiceTimeShape.Exponential, meanMinutes);

    public static ServiceTimeModel Lognormal(double meanMinutes, double cv) => new(ServiceTimeShape.Lognormal, meanMinutes, cv);

    /// <summary>One draw, in minutes.</summary>
    public double Sample(Random random)
    {
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

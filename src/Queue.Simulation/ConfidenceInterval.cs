namespace Queue.Simulation;

/// <summary>A mean over independent replications with the half-width of its 95% confidence interval (Student's t, n − 1 degrees of freedom).</summary>
public readonly record struct ConfidenceInterval(double Mean, double HalfWidth, int Replications)
{
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public double Low => Mean - HalfWidth;

    public double High => Mean + HalfWidth;

    public bool Contains(double value, double tolerance = 0) => value >= Low - tolerance && value <= High + tolerance;

    public static ConfidenceInterval Of(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n == 0)
        {
            return new(double.NaN, double.NaN, 0);
        }

        var mean = values.Average();
        if (n == 1)
        {
            return new(mean, double.PositiveInfinity, 1);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        return new(mean, StudentT975(n - 1) * Math.Sqrt(variance / n), n);
    }

    /// <summary>The 97.5% quantile of Student's t: tabled up to 30 degrees of freedom, then the Cornish–Fisher expansion.</summary>
    public static double StudentT975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= T975.Length)
        {
            return T975[degreesOfFreedom - 1];
        }

        const double z = 1.959964;
        double v = degreesOfFreedom;
        return z + ((z * z * z) + z) / (4 * v) + ((5 * Math.Pow(z, 5)) + (16 * z * z * z) + (3 * z)) / (96 * v * v);
    }

    public override string ToString() => $"{Mean:0.###} ± {HalfWidth:0.###}";
}

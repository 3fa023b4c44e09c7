namespace Queue.Domain;

/// <summary>Rolling service time of a theme: an exponentially weighted mean that starts at the configured expectation.</summary>
[GenerateSerializer]
public sealed class ServiceStats
{
    public const double Weight = 0.2;

    [Id(0)] public double AverageMinutes { get; set; }

    [Id(1)] public int Samples { get; set; }

    public double Current(double expectedMinutes) => Samples == 0 ? expectedMinutes : AverageMinutes;

    public void Add(double minutes, double expectedMinutes)
    {
        // A service of a few seconds (a mis-click) or of hours (a window left open) says little about the next one.
        var clamped = Math.Clamp(minutes, 0.5, Math.Max(expectedMinutes * 6, 60));
        AverageMinutes = Samples == 0 ? clamped : ((1 - Weight) * Current(expectedMinutes)) + (Weight * clamped);
        Samples++;
    }
}

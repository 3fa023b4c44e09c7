namespace Queue.LoadTests.Engine;

/// <summary>
/// A simulation placed on the timeline: starts at <see cref="Start"/> seconds, moves linearly from
/// <see cref="From"/> to <see cref="To"/> (copies for the closed model, iterations per second for the open one).
/// </summary>
public sealed record LoadPhase(bool IsOpen, double Start, double Duration, double From, double To)
{
    public double End => Start + Duration;

    public double ValueAt(double t) => From + ((To - From) * Math.Clamp((t - Start) / Duration, 0, 1));

    /// <summary>
    /// The open model's intended start offsets (seconds from the timeline's start) inside this phase: the k-th
    /// iteration starts where the integral of the rate reaches k + ½, so a constant rate r over d seconds gives
    /// exactly r·d evenly spaced starts and a ramp speeds up smoothly.
    /// </summary>
    public IEnumerable<double> OpenStarts()
    {
        if (!IsOpen)
        {
            yield break;
        }

        var a = (To - From) / (2 * Duration);
        var b = From;
        var total = (From + To) / 2 * Duration;
        for (long k = 0; k + 0.5 < total; k++)
        {
            var area = k + 0.5;
            var root = Math.Sqrt(Math.Max(0, (b * b) + (4 * a * area)));
            var offset = 2 * area / (b + root); // the stable form of (−b + √(b² + 4a·area)) / 2a
            if (offset >= Duration)
            {
                yield break;
            }

            yield return Start + offset;
        }
    }
}

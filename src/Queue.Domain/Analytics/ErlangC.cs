namespace Queue.Domain.Analytics;

/// <summary>
/// The Erlang C (M/M/c) queue: arrivals at rate λ, c windows, exponential handle times with mean AHT.
/// Units are the caller's but must agree: λ per minute with AHT and targets in minutes (the convention here).
/// Offered load A = λ·AHT (Erlang). C(c, A) is computed from the Erlang B recursion, B(0) = 1,
/// B(k) = A·B(k−1) / (k + A·B(k−1)), then C = c·B / (c − A·(1 − B)); every step stays in [0, 1], so no factorial or
/// power overflows for any A. A queue with c ≤ A never settles: everyone waits (C = 1) and the service level is 0.
/// </summary>
public static class ErlangC
{
    /// <summary>No hall needs more; a load that would need more windows is rejected rather than searched.</summary>
    public const int MaxWindows = 100_000;

    public static double OfferedLoad(double arrivalsPerMinute, double handleMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(arrivalsPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegative(handleMinutes);
        return arrivalsPerMinute * handleMinutes;
    }

    /// <summary>Erlang B: the blocking probability of c servers under load A.</summary>
    public static double ErlangB(int windows, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windows);
        ArgumentOutOfRangeException.ThrowIfNegative(offeredLoad);
        var b = 1.0;
        for (var k = 1; k <= windows; k++)
        {
            b = NextB(b, k, offeredLoad);
        }

        return b;
    }

    /// <summary>C(c, A): the probability that an arrival has to wait; 0 without load, 1 when c ≤ A.</summary>
    public static double ProbabilityOfWaiting(int windows, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windows);
        ArgumentOutOfRangeException.ThrowIfNegative(offeredLoad);
        if (offeredLoad == 0)
        {
            return 0;
        }

        return windows <= offeredLoad ? 1 : FromB(windows, offeredLoad, ErlangB(windows, offeredLoad));
    }

    /// <summary>P(W ≤ t) = 1 − C(c, A)·e^(−(c − A)·t / AHT).</summary>
    public static double ServiceLevel(int windows, double offeredLoad, double handleMinutes, double targetMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetMinutes);
        ArgumentOutOfRangeException.ThrowIfNegative(handleMinutes);
        var c = ProbabilityOfWaiting(windows, offeredLoad);
        return Level(c, windows, offeredLoad, handleMinutes, targetMinutes);
    }

    /// <summary>Average speed of answer (mean wait of all arrivals) = C·AHT / (c − A); infinite when c ≤ A.</summary>
    public static double AverageSpeedOfAnswer(int windows, double offeredLoad, double handleMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(handleMinutes);
        var c = ProbabilityOfWaiting(windows, offeredLoad);
        if (c == 0)
        {
            return 0;
        }

        return windows <= offeredLoad ? double.PositiveInfinity : c * handleMinutes / (windows - offeredLoad);
    }

    /// <summary>Occupancy A / c: the share of time a window is busy (above 1 the queue grows without bound).</summary>
    public static double Occupancy(int windows, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windows);
        ArgumentOutOfRangeException.ThrowIfNegative(offeredLoad);
        if (offeredLoad == 0)
        {
            return 0;
        }

        return windows == 0 ? double.PositiveInfinity : offeredLoad / windows;
    }

    /// <summary>
    /// The fewest windows c with P(W ≤ target) ≥ <paramref name="serviceLevel"/> and A / c ≤ <paramref name="occupancyCap"/>;
    /// 0 when nothing arrives or nothing takes time. The search starts at the larger of ⌊A⌋ + 1 and ⌈A / cap⌉ and walks up
    /// with the B recursion (one step per window), so it costs O(c); it stops at <see cref="MaxWindows"/>.
    /// </summary>
    public static int MinimumWindows(
        double arrivalsPerMinute, double handleMinutes, double targetMinutes, double serviceLevel, double occupancyCap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetMinutes);
        if (serviceLevel is < 0 or >= 1 || double.IsNaN(serviceLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(serviceLevel), serviceLevel, "A service level is in [0, 1).");
        }

        if (occupancyCap is <= 0 or > 1 || double.IsNaN(occupancyCap))
        {
            throw new ArgumentOutOfRangeException(nameof(occupancyCap), occupancyCap, "An occupancy cap is in (0, 1].");
        }

        var load = OfferedLoad(arrivalsPerMinute, handleMinutes);
        if (load == 0)
        {
            return 0;
        }

        var first = Math.Max(Math.Floor(load) + 1, Math.Ceiling(load / occupancyCap));
        if (double.IsInfinity(load) || first > MaxWindows)
        {
            throw new ArgumentOutOfRangeException(
                nameof(arrivalsPerMinute), load, $"An offered load of {load} Erlang needs more than {MaxWindows} windows.");
        }

        var windows = (int)first;
        while (load / windows > occupancyCap)
        {
            windows++;
        }

        var b = ErlangB(windows, load);
        while (Level(FromB(windows, load, b), windows, load, handleMinutes, targetMinutes) < serviceLevel)
        {
            if (windows == MaxWindows)
            {
                throw new InvalidOperationException($"No number of windows up to {MaxWindows} reaches service level {serviceLevel}.");
            }

            windows++;
            b = NextB(b, windows, load);
        }

        return windows;
    }

    private static double NextB(double previous, int k, double load) => load * previous / (k + (load * previous));

    private static double FromB(int windows, double load, double b) => windows * b / (windows - (load * (1 - b)));

    private static double Level(double probabilityOfWaiting, int windows, double load, double handleMinutes, double targetMinutes)
    {
        if (probabilityOfWaiting == 0)
        {
            return 1;
        }

        if (windows <= load)
        {
            return 0;
        }

        if (handleMinutes == 0)
        {
            // Service takes no time, so a queue clears at once: only a target of zero can be missed.
            return targetMinutes > 0 ? 1 : 1 - probabilityOfWaiting;
        }

        return 1 - (probabilityOfWaiting * Math.Exp(-(windows - load) * targetMinutes / handleMinutes));
    }
}

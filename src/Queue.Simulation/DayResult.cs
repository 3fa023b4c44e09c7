namespace Queue.Simulation;

/// <summary>
/// One simulated hall-day under one policy: every ticket's outcome, the window time, the longest line and the guardian's
/// moves. The figures count the measured tickets (issued between <see cref="MeasureFromMinute"/> and
/// <see cref="MeasureToMinute"/>): the share within target counts a ticket once it is known to have met its target (called
/// in time) or missed it (called later, or given up or expired after waiting that long).
/// </summary>
public sealed record DayResult(
    SimulationPolicy Policy,
    IReadOnlyList<TicketOutcome> Tickets,
    double MeasureFromMinute,
    double MeasureToMinute,
    IReadOnlyDictionary<string, int> Targets,
    WindowFigures Windows,
    int LongestLine,
    string? LongestLineTheme,
    int GuardianMoves)
{
    private IReadOnlyList<TicketOutcome>? _measured;
    private double[]? _waits;

    public IReadOnlyList<TicketOutcome> Measured =>
        _measured ??= [.. Tickets.Where(t => t.IssuedMinute >= MeasureFromMinute && t.IssuedMinute <= MeasureToMinute)];

    /// <summary>The measured tickets' waits until their first call, ascending.</summary>
    public IReadOnlyList<double> Waits => _waits ??= [.. Measured.Select(t => t.WaitMinutes).OfType<double>().Order()];

    public double ShareWithinTarget => Share(Measured);

    /// <summary>The share of measured tickets called within <paramref name="minutes"/> (never called counts as not within).</summary>
    public double ShareCalledWithin(double minutes) =>
        Measured.Count == 0 ? 1 : (double)Measured.Count(t => t.WaitMinutes <= minutes) / Measured.Count;

    public double MeanWait => Waits.Count == 0 ? 0 : Waits.Average();

    public double P90Wait => Percentile(0.9);

    public double MaxWait => Waits.Count == 0 ? 0 : Waits[^1];

    public int Count(TicketEnd end) => Tickets.Count(t => t.End == end);

    /// <summary>Met and judged tickets per theme and hour of issue (local), for the share within target by theme × hour.</summary>
    public IReadOnlyDictionary<(string Theme, int Hour), (int Met, int Judged)> ByThemeAndHour() => Measured
        .GroupBy(t => (t.ThemeCode, (int)(t.IssuedMinute / 60)))
        .ToDictionary(g => g.Key, g => (g.Count(t => Judge(t) == true), g.Count(t => Judge(t) is not null)));

    /// <summary>
    /// Per theme and hour of issue (local): the measured tickets, and the waits until the first call of those called
    /// (their count and sum in minutes), for the mean wait by theme × hour.
    /// </summary>
    public IReadOnlyDictionary<(string Theme, int Hour), (int Tickets, int Called, double WaitMinutes)> WaitsByThemeAndHour() => Measured
        .GroupBy(t => (t.ThemeCode, (int)(t.IssuedMinute / 60)))
        .ToDictionary(g => g.Key, g => (g.Count(), g.Count(t => t.WaitMinutes is not null), g.Sum(t => t.WaitMinutes ?? 0)));

    private double Share(IEnumerable<TicketOutcome> tickets)
    {
        var judged = tickets.Select(Judge).OfType<bool>().ToList();
        return judged.Count == 0 ? 1 : (double)judged.Count(met => met) / judged.Count;
    }

    private bool? Judge(TicketOutcome ticket) => ticket.WithinTarget(Targets.GetValueOrDefault(ticket.ThemeCode, 30));

    private double Percentile(double p)
    {
        if (Waits.Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(0, (int)Math.Ceiling(p * Waits.Count) - 1);
        return Waits[rank];
    }
}

namespace Queue.LoadTests.Engine;

/// <summary>A scenario's simulations laid end to end: how many closed-model copies and which open-model starts, when.</summary>
public sealed class LoadTimeline
{
    private LoadTimeline(IReadOnlyList<LoadPhase> phases) => Phases = phases;

    public IReadOnlyList<LoadPhase> Phases { get; }

    public double Duration => Phases.Count == 0 ? 0 : Phases[^1].End;

    public int MaxCopies => Phases.Where(p => !p.IsOpen).Select(p => (int)Math.Ceiling(Math.Max(p.From, p.To))).DefaultIfEmpty(0).Max();

    public bool HasOpen => Phases.Any(p => p.IsOpen);

    public bool HasClosed => Phases.Any(p => !p.IsOpen);

    public static LoadTimeline From(IEnumerable<LoadSimulation> simulations)
    {
        var phases = new List<LoadPhase>();
        double start = 0, copies = 0, rate = 0;
        foreach (var s in simulations)
        {
            var target = s.IsOpen ? s.Target / s.Interval.TotalSeconds : s.Target;
            var previous = s.IsOpen ? rate : copies;
            var from = s.IsRamp ? previous : target;
            phases.Add(new LoadPhase(s.IsOpen, start, s.During.TotalSeconds, from, target));
            (copies, rate) = s.IsOpen ? (0d, target) : (target, 0d);
            start += s.During.TotalSeconds;
        }

        return new LoadTimeline(phases);
    }

    /// <summary>The same load cut off after <paramref name="duration"/>: what a warm-up replays.</summary>
    public LoadTimeline Truncate(TimeSpan duration)
    {
        var cut = duration.TotalSeconds;
        var phases = new List<LoadPhase>();
        foreach (var p in Phases.Where(p => p.Start < cut))
        {
            phases.Add(p.End <= cut ? p : p with { Duration = cut - p.Start, To = p.ValueAt(cut) });
        }

        return new LoadTimeline(phases);
    }

    /// <summary>Closed-model copies wanted at <paramref name="t"/> seconds (0 during open phases and after the end).</summary>
    public int CopiesAt(double t)
    {
        var phase = Phases.FirstOrDefault(p => t >= p.Start && t < p.End);
        return phase is null || phase.IsOpen ? 0 : (int)Math.Round(phase.ValueAt(t), MidpointRounding.AwayFromZero);
    }

    /// <summary>Every open-model intended start, in order, in seconds from the timeline's start.</summary>
    public IEnumerable<double> OpenStarts() => Phases.SelectMany(p => p.OpenStarts());
}

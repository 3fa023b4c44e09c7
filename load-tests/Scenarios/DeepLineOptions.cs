namespace Queue.LoadTests.Scenarios;

/// <summary>The issue-deep-line scenario's sizes: how deep the line, how many tickets per sample, how many clients.</summary>
public sealed record DeepLineOptions
{
    /// <summary>Waiting tickets in the theme before the deep sample (issue 15: 10,000).</summary>
    public int Waiting { get; init; } = 10_000;

    /// <summary>Tickets per sample (the empty line's and the deep line's).</summary>
    public int Sample { get; init; } = 1_000;

    /// <summary>Closed-model clients issuing into the one theme (issue 15: 16).</summary>
    public int Clients { get; init; } = 16;

    /// <summary>The longest the stream may run; it stops as soon as the deep sample is complete.</summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Issues into another theme of the hall first, unmeasured, to warm the path.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// These options with <paramref name="waiting"/> waiting (--deep-line): the sample shrinks when the line is too short
    /// for it after one ticket per client, and the line is at least one sample deeper than the clients.
    /// </summary>
    public DeepLineOptions WithWaiting(int waiting)
    {
        var deep = Math.Max(waiting, Clients + 1);
        return this with { Waiting = deep, Sample = Math.Clamp(deep - Clients, 1, Sample) };
    }
}

using Queue.Contracts.Model;

namespace Queue.Simulation;

/// <summary>How a simulated ticket's day ended, read from its theme's line (<see cref="Queue.Domain.ThemeLine"/>).</summary>
public enum TicketEnd
{
    /// <summary>Still open: only while the day runs.</summary>
    Open = 0,

    /// <summary>Called and served to the end (办结).</summary>
    Served = 1,

    /// <summary>Gave up waiting and cancelled the ticket.</summary>
    Cancelled = 2,

    /// <summary>Still waiting, or at a window, when the day closed.</summary>
    Expired = 3,

    /// <summary>Called, recalled as the hall's policy asks, and not there (过号).</summary>
    NoShow = 4,
}

/// <summary>
/// One ticket's simulated day: its theme, priority, when it was issued, first called and given up or expired (minutes since
/// local midnight), and how it ended.
/// </summary>
public sealed record TicketOutcome(string ThemeCode, PriorityClass Priority, double IssuedMinute, double? CalledMinute, double? LeftMinute, TicketEnd End)
{
    /// <summary>The window that called the ticket last (null: never called).</summary>
    public int? WindowNo { get; init; }

    /// <summary>Minutes waited until the first call (wall time, the citizen's); null when never called.</summary>
    public double? WaitMinutes => CalledMinute - IssuedMinute;

    /// <summary>Minutes its zone was closed between issue and the call (or leaving): a lunch break the ticket waited over. The target is judged without them (<see cref="Queue.Domain.TargetClock"/>).</summary>
    public double ClosedMinutes { get; init; }

    /// <summary>
    /// Whether the ticket met its target (called within it), missed it (called later, or given up or expired after waiting
    /// that long), or neither is known (given up or expired sooner, or still open): then null.
    /// </summary>
    public bool? WithinTarget(int targetMinutes) =>
        WaitMinutes is { } wait ? wait - ClosedMinutes <= targetMinutes
        : LeftMinute is { } left && left - IssuedMinute - ClosedMinutes >= targetMinutes ? false
        : null;
}

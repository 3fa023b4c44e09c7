using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// What an event contributes to the time series, the same for both stores: its measurement (DESIGN.md §5), and its
/// share of a <see cref="TimeBucket"/>. A wait counts as on time within the reform's 30 minutes; a rating of 4 or 5
/// (满意, 非常满意) counts as satisfied.
/// </summary>
public static class EventMetrics
{
    public const double OnTimeSeconds = 30 * 60;

    public const int SatisfiedFrom = Queue.Domain.Analytics.RatingsByWait.SatisfiedFrom;

    public static string Measurement(HallEventKind kind) => kind switch
    {
        HallEventKind.TicketIssued => "ticket_issued",
        HallEventKind.TicketCalled => "ticket_called",
        HallEventKind.ServiceCompleted => "service_completed",
        HallEventKind.TicketRated => "rating",
        HallEventKind.WindowOpened or HallEventKind.WindowPaused or HallEventKind.WindowResumed or HallEventKind.WindowClosed => "window_state",
        _ => "ticket_event",
    };

    /// <summary>Every measurement a hall's events can land in.</summary>
    public static readonly string[] Measurements = ["ticket_issued", "ticket_called", "service_completed", "rating", "window_state", "ticket_event"];

    public static bool IsDone(HallEvent e) => e.Outcome is null or ServiceOutcome.Done;

    public static bool IsOnTime(HallEvent e) => (e.WaitSeconds ?? 0) <= OnTimeSeconds;

    public static bool IsSatisfied(HallEvent e) => (e.Rating ?? 0) >= SatisfiedFrom;

    /// <summary>The event's share of its 15-minute bucket, or null when it counts towards none.</summary>
    public static TimeBucket? Bucket(HallEvent e)
    {
        var theme = e.ThemeCode ?? "";
        var start = TimeBucket.Floor(e.At);
        return e.Kind switch
        {
            HallEventKind.TicketIssued => new TimeBucket(theme, 0, start, Issued: 1),
            HallEventKind.TicketCalled => new TimeBucket(
                theme, e.WindowNo ?? 0, start, Called: 1, WaitSumSeconds: e.WaitSeconds ?? 0, WaitMaxSeconds: e.WaitSeconds ?? 0, CalledOnTime: IsOnTime(e) ? 1 : 0),
            HallEventKind.ServiceCompleted => new TimeBucket(
                theme, e.WindowNo ?? 0, start, Completed: 1, Done: IsDone(e) ? 1 : 0, ServiceSumSeconds: e.ServiceSeconds ?? 0),
            HallEventKind.TicketRated => new TimeBucket(
                theme, e.WindowNo ?? 0, start, Rated: 1, RatingSum: e.Rating ?? 0, Satisfied: IsSatisfied(e) ? 1 : 0),
            _ => null,
        };
    }
}

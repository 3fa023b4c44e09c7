using Orleans.Concurrency;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Contracts.Grains;

/// <summary>
/// One theme's waiting line in one hall (key: "{hallId}/{themeCode}"). It owns the day's tickets of its theme,
/// issues their numbers and is the single authority on each ticket's state: a ticket is handed to exactly one
/// window because only this grain decides, one turn at a time.
/// </summary>
[Alias("Queue.IThemeQueueGrain")]
public interface IThemeQueueGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task<TicketSnapshot> IssueAsync(IssueTicket command);

    /// <summary>The best directed, priority and normal candidates this theme offers the window.</summary>
    [Alias("GetCandidates")]
    Task<IReadOnlyList<QueueCandidate>> GetCandidatesAsync(int windowNo);

    /// <summary>
    /// Hand the chosen ticket to the window; if another window got it first, the next ticket of the same kind
    /// (directed to this window, priority, or normal) in this line. Null when that kind has nobody waiting.
    /// </summary>
    [Alias("Claim")]
    Task<TicketSnapshot?> ClaimAsync(QueueCandidate chosen, int windowNo);

    [Alias("Recall")]
    Task<TicketSnapshot> RecallAsync(string ticketId, int windowNo);

    [Alias("StartService")]
    Task<TicketSnapshot> StartServiceAsync(string ticketId, int windowNo);

    [Alias("Complete")]
    Task<TicketSnapshot> CompleteAsync(string ticketId, int windowNo, CompleteService command);

    [Alias("NoShow")]
    Task<TicketSnapshot> NoShowAsync(string ticketId, int windowNo);

    [Alias("Hold")]
    Task<TicketSnapshot> HoldAsync(string ticketId, int windowNo, string reason);

    /// <summary>Move the window's ticket out of this theme; the caller delivers the returned ticket to its new theme.</summary>
    [Alias("TransferOut")]
    Task<TransferredTicket> TransferOutAsync(string ticketId, int windowNo, string toTheme, int? toWindow, string? note);

    /// <summary>Receive a transferred ticket (idempotent on the transfer id: a re-delivery changes nothing).</summary>
    [Alias("AcceptTransfer")]
    Task AcceptTransferAsync(TransferredTicket ticket);

    /// <summary>Mark an outbound transfer as delivered, so it is no longer retried.</summary>
    [Alias("TransferDelivered"), OneWay]
    Task TransferDeliveredAsync(string ticketId);

    /// <summary>The citizen's or staff's operations on a ticket that is not at a window.</summary>
    [Alias("Cancel")]
    Task<TicketSnapshot> CancelAsync(string ticketId);

    [Alias("Rejoin")]
    Task<TicketSnapshot> RejoinAsync(string ticketId);

    [Alias("ResumeHold")]
    Task<TicketSnapshot> ResumeHoldAsync(string ticketId);

    /// <summary>A remote ticket's holder checked in at the entrance (the code was checked by the caller).</summary>
    [Alias("Arrive")]
    Task<TicketSnapshot> ArriveAsync(string ticketId);

    /// <summary>The ticket, live, with position and predicted wait; or where it was transferred to; or null.</summary>
    [Alias("Find")]
    Task<TicketLookup?> FindAsync(string ticketId);

    /// <summary>The ticket this theme has at the window (called or serving), if any: how a window recovers after a crash.</summary>
    [Alias("GetAssigned")]
    Task<TicketSnapshot?> GetAssignedAsync(int windowNo);

    [Alias("GetLine")]
    Task<LineView> GetLineAsync();

    [Alias("GetStats")]
    Task<ThemeQueueSnapshot> GetStatsAsync();

    /// <summary>
    /// The figures for the hall snapshot, the capacity worked out from what the hall hands down (no call back to the hall:
    /// a snapshot is 1 + N calls, not 1 + 2N).
    /// </summary>
    [Alias("GetStatsFor")]
    Task<ThemeStatsReply> GetStatsAsync(HallOutlook outlook);

    /// <summary>The waiting tickets in call order, for the hall's forward wait prediction.</summary>
    [Alias("GetLineState")]
    Task<LineState> GetLineStateAsync();

    /// <summary>The hall's configuration changed to <paramref name="config"/> (validated, in force): the next command works with it, without asking the hall.</summary>
    [Alias("ConfigChangedTo")]
    Task ConfigChangedAsync(HallConfig config);

    /// <summary>Expire every active ticket (day closed); returns how many expired.</summary>
    [Alias("CloseDay")]
    Task<int> CloseDayAsync();
}

using Queue.Contracts.Commands;
using Queue.Contracts.Snapshots;

namespace Queue.Contracts.Grains;

/// <summary>
/// The citizen's handle on one ticket (key: the ticket id, which is unguessable). It finds the ticket in its
/// theme (following transfers), and keeps the rating.
/// </summary>
[Alias("Queue.ITicketGrain")]
public interface ITicketGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<TicketSnapshot> GetAsync();

    [Alias("Cancel")]
    Task<TicketSnapshot> CancelAsync();

    [Alias("Rejoin")]
    Task<TicketSnapshot> RejoinAsync();

    [Alias("ResumeHold")]
    Task<TicketSnapshot> ResumeHoldAsync();

    /// <summary>到厅签到: a remote ticket's holder is in the hall (the web tier checked the entrance code).</summary>
    [Alias("Arrive")]
    Task<TicketSnapshot> ArriveAsync();

    [Alias("Rate")]
    Task<TicketSnapshot> RateAsync(RateService command);
}

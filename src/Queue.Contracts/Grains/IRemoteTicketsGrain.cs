using Queue.Contracts.Commands;
using Queue.Contracts.Snapshots;

namespace Queue.Contracts.Grains;

/// <summary>
/// A hall's remote tickets (线上取号; key: the hall id): the one place that counts them per citizen and per client address
/// for the business day, and issues them in the theme's line. One call at a time, so two phones cannot both pass a limit.
/// </summary>
[Alias("Queue.IRemoteTicketsGrain")]
public interface IRemoteTicketsGrain : IGrainWithStringKey
{
    /// <param name="command">the issue, by <see cref="Model.IssueChannel.Remote"/>, with the citizen's key and travel time.</param>
    /// <param name="addressKey">the keyed hash of the caller's network address (never the address).</param>
    [Alias("Take")]
    Task<TicketSnapshot> TakeAsync(string themeCode, IssueTicket command, string addressKey);
}

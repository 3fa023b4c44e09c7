using Queue.Contracts.Webhooks;

namespace Queue.Engine.Webhooks;

/// <summary>
/// A delivery to plan: one event for one endpoint. (<see cref="HallId"/>, <see cref="EndpointId"/>, <see cref="EventId"/>)
/// is its identity: planning it again (a relay pass repeated after a crash, two silos) changes nothing.
/// <see cref="ContactRef"/> is the ticket whose sealed phone is added at sending time (never stored in the body);
/// <see cref="Group"/> names deliveries cancelled together (a booking's reminders); <see cref="DueAt"/> null means now.
/// </summary>
public sealed record PlannedDelivery(
    string HallId, string EndpointId, string EventId, string Type, string Body, string? ContactRef, string? Group, DateTimeOffset? DueAt);

/// <summary>A delivery claimed for one attempt; <see cref="Attempts"/> counts this one.</summary>
public sealed record ClaimedDelivery(
    long Id, string HallId, string EndpointId, string EventId, string Type, string Body, string? ContactRef, int Attempts, DateTimeOffset FirstDueAt);

/// <summary>
/// The durable delivery log (table <c>webhook_delivery</c>: the grain state file on a single node, PostgreSQL in a
/// cluster). A delivery is claimed for an attempt under a lease: a claimed one is not claimed again until the lease
/// ends, so at most one sender attempts it at a time, and one whose sender died (a restart mid-request) is attempted
/// again when the lease ends. The attempt is counted when it is claimed.
/// </summary>
public interface IWebhookDeliveryStore
{
    /// <summary>Adds the deliveries not planned before (by identity); returns how many were new.</summary>
    Task<int> AddAsync(IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken = default);

    /// <summary>Claims up to <paramref name="max"/> pending deliveries that are due and not leased, until <paramref name="now"/> + <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default);

    Task DeliveredAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>A failed attempt: pending again from <paramref name="nextAt"/>, or <see cref="WebhookDeliveryStatus.Failed"/> when <paramref name="nextAt"/> is null.</summary>
    Task AttemptFailedAsync(long id, string error, DateTimeOffset? nextAt, CancellationToken cancellationToken = default);

    /// <summary>Cancels the pending deliveries of a hall, of one endpoint and/or one group.</summary>
    Task<int> CancelAsync(string hallId, string? endpointId, string? group, CancellationToken cancellationToken = default);

    /// <summary>Deletes the delivered, failed and cancelled deliveries planned before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>The latest deliveries of a hall, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListAsync(string hallId, string? endpointId, int max, CancellationToken cancellationToken = default);
}

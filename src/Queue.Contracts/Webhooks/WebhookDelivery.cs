namespace Queue.Contracts.Webhooks;

/// <summary>Where a delivery stands.</summary>
[GenerateSerializer]
public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first attempt or its next retry (<see cref="WebhookDelivery.NextAttemptAt"/>).</summary>
    Pending = 0,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Given up: too many attempts or too old.</summary>
    Failed = 2,

    /// <summary>Not sent: the endpoint was removed or disabled, or a booking reminder whose booking was cancelled or moved.</summary>
    Cancelled = 3,
}

/// <summary>One event for one endpoint, as the delivery log shows it.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookDelivery(
    [property: Id(0)] string EndpointId,
    [property: Id(1)] string EventId,
    [property: Id(2)] string Type,
    [property: Id(3)] WebhookDeliveryStatus Status,
    [property: Id(4)] int Attempts,
    [property: Id(5)] string? LastError,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? NextAttemptAt,
    [property: Id(8)] DateTimeOffset? DeliveredAt);

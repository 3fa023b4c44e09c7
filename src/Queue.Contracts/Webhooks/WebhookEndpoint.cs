using System.Collections.Immutable;

namespace Queue.Contracts.Webhooks;

/// <summary>
/// A hall's webhook endpoint: where to POST (http or https), the HMAC secret the deliveries are signed with, the event
/// types it receives, whether it is on, and for <see cref="WebhookEventTypes.TicketNearTurn"/> how many people ahead
/// count as near (default 3: "还有3位").
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WebhookEndpoint(
    [property: Id(0)] string EndpointId,
    [property: Id(1)] string Url,
    [property: Id(2)] string Secret,
    [property: Id(3)] ImmutableArray<string> EventTypes,
    [property: Id(4)] bool Enabled,
    [property: Id(5)] int NearTurnAhead,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string CreatedBy,
    [property: Id(8)] DateTimeOffset UpdatedAt)
{
    public const int DefaultNearTurnAhead = 3;

    public const int MinSecretLength = 16;

    public bool Wants(string type) => Enabled && EventTypes.Contains(type);

    /// <summary>The endpoint as listed: the secret shown only by its last four characters.</summary>
    public WebhookEndpoint Masked() => this with { Secret = "…" + Secret[^4..] };
}

/// <summary>What a manager sets on an endpoint (already validated by the API).</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookEndpointSettings(
    [property: Id(0)] string Url,
    [property: Id(1)] string Secret,
    [property: Id(2)] ImmutableArray<string> EventTypes,
    [property: Id(3)] bool Enabled,
    [property: Id(4)] int NearTurnAhead);

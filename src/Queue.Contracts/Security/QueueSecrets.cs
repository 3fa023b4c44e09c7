namespace Queue.Contracts.Security;

/// <summary>
/// The installation's keys (base64, 32 random bytes each), made once on first start and kept in the state store so
/// that every node of a cluster agrees: sessions are signed with <see cref="SessionKey"/>, a ticket's link carries
/// an HMAC under <see cref="TicketLinkKey"/>, and an ID-card or phone number is kept only as an HMAC under
/// <see cref="CitizenKey"/>. The hall entrance's rotating check-in code is an HMAC under <see cref="EntranceKey"/>
/// (made on first use by installations whose stored keys predate it).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QueueSecrets(
    [property: Id(0)] string SessionKey,
    [property: Id(1)] string TicketLinkKey,
    [property: Id(2)] string CitizenKey,
    [property: Id(3)] string? EntranceKey = null);

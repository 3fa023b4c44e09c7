namespace Queue.Domain;

/// <summary>A hall's remote tickets of one business day: who took which (by citizen key), and how many per address.</summary>
[GenerateSerializer]
public sealed class RemoteTicketLedger
{
    [Id(0)] public DateOnly BusinessDay { get; set; }

    /// <summary>The remote tickets each citizen (keyed hash of the ID-card or phone number) took today.</summary>
    [Id(1)] public Dictionary<string, List<RemoteTicketEntry>> ByCitizen { get; set; } = [];

    /// <summary>How many remote tickets each client address (keyed hash, never the address) took today.</summary>
    [Id(2)] public Dictionary<string, int> ByAddress { get; set; } = [];
}

/// <summary>One remote ticket as the ledger keeps it; <see cref="RequestId"/> makes a retried request find it.</summary>
[GenerateSerializer, Immutable]
public sealed record RemoteTicketEntry(
    [property: Id(0)] string ThemeCode,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string DisplayNumber,
    [property: Id(3)] string? RequestId);

using Queue.Contracts.Snapshots;

namespace Queue.Silo.Domain;

/// <summary>A theme's persisted line: the day's tickets, the number counter, request ids seen, service statistics.</summary>
[GenerateSerializer]
public sealed class ThemeQueueState : Grains.EventSourcedState
{
    [Id(0)] public DateOnly BusinessDay { get; set; }

    [Id(1)] public int LastNumber { get; set; }

    [Id(2)] public Dictionary<string, TicketRecord> Tickets { get; set; } = [];

    /// <summary>Client request id → ticket id, for idempotent issue.</summary>
    [Id(3)] public Dictionary<string, string> RequestIds { get; set; } = [];

    [Id(4)] public ServiceStats Stats { get; set; } = new();

    /// <summary>Tickets transferred out whose arrival in their new theme is not confirmed yet; retried until it is.</summary>
    [Id(5)] public Dictionary<string, TransferredTicket> PendingTransfers { get; set; } = [];

    /// <summary>Counts arrivals into the line (issue, transfer in, rejoin) for <see cref="TicketRecord.Arrival"/>.</summary>
    [Id(6)] public long Arrivals { get; set; }
}

using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// A theme's persisted line: its open tickets (waiting, at a window, on hold, or a no-show that may rejoin), the
/// number counter, recent request ids, the day's counts and service statistics. A finished ticket leaves the
/// persisted state (the journal keeps its history), so a write stays small however busy the day.
/// </summary>
[GenerateSerializer]
public sealed class ThemeQueueState : EventSourcedState
{
    [Id(0)] public DateOnly BusinessDay { get; set; }

    [Id(1)] public int LastNumber { get; set; }

    /// <summary>The open tickets.</summary>
    [Id(2)] public Dictionary<string, TicketRecord> Tickets { get; set; } = [];

    /// <summary>Client request id → ticket id, for idempotent issue: the latest <see cref="MaxRequestIds"/> issues.</summary>
    [Id(3)] public Dictionary<string, string> RequestIds { get; set; } = [];

    [Id(4)] public ServiceStats Stats { get; set; } = new();

    /// <summary>Tickets transferred out whose arrival in their new theme is not confirmed yet; retried until it is.</summary>
    [Id(5)] public Dictionary<string, TransferredTicket> PendingTransfers { get; set; } = [];

    /// <summary>Counts arrivals into the line (issue, transfer in, rejoin) for <see cref="TicketRecord.Arrival"/>.</summary>
    [Id(6)] public long Arrivals { get; set; }

    /// <summary>The order <see cref="RequestIds"/> were seen in, oldest first.</summary>
    [Id(7)] public Queue<string> RequestOrder { get; set; } = new();

    // [Id(8)] was IssuedToday, always equal to LastNumber; never reuse the id.

    [Id(9)] public int CompletedToday { get; set; }

    /// <summary>Transfers received today, by transfer id: a late re-delivery of one must not bring its ticket back.</summary>
    [Id(10)] public HashSet<string> AcceptedTransfers { get; set; } = [];

    public const int MaxRequestIds = 1024;

    [NonSerialized] private readonly Dictionary<string, TicketRecord> _finished = [];

    /// <summary>Tickets finished during this activation, for quick answers; after a restart the journal answers.</summary>
    public Dictionary<string, TicketRecord> Finished => _finished;
}

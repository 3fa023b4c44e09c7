using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// A theme's persisted line: its open tickets (waiting, at a window, on hold, or a no-show that may rejoin), the
/// number counter, recent request ids, the day's counts and service statistics. A finished ticket leaves the
/// persisted state (the journal keeps its history). The tickets and the request ids are stored a row each
/// (<see cref="IRowedState"/>): a write carries the line's counters and the rows its events touched, so it costs
/// the same with 10,000 waiting as with none.
/// </summary>
[GenerateSerializer]
public sealed class ThemeQueueState : EventSourcedState, IRowedState
{
    [Id(0)] public DateOnly BusinessDay { get; set; }

    [Id(1)] public int LastNumber { get; set; }

    /// <summary>The open tickets (stored a row each: see <see cref="TicketChanged"/>).</summary>
    [field: NonSerialized] public Dictionary<string, TicketRecord> Tickets { get; set; } = [];

    /// <summary>Client request id → ticket id, for idempotent issue: the latest <see cref="MaxRequestIds"/> issues (a row each).</summary>
    [field: NonSerialized] public Dictionary<string, string> RequestIds { get; } = [];

    /// <summary>The open tickets as payloads before rows kept them; read once from an older store and moved into rows.</summary>
    [Id(2)] public Dictionary<string, TicketRecord>? TicketsBeforeRows { get; set; }

    /// <summary>The request ids as payloads before rows kept them (see <see cref="TicketsBeforeRows"/>).</summary>
    [Id(3)] public Dictionary<string, string>? RequestIdsBeforeRows { get; set; }

    [Id(4)] public ServiceStats Stats { get; set; } = new();

    /// <summary>Tickets transferred out whose arrival in their new theme is not confirmed yet; retried until it is.</summary>
    [Id(5)] public Dictionary<string, TransferredTicket> PendingTransfers { get; set; } = [];

    /// <summary>Counts arrivals into the line (issue, transfer in, rejoin) for <see cref="TicketRecord.Arrival"/>.</summary>
    [Id(6)] public long Arrivals { get; set; }

    /// <summary>The order of <see cref="RequestIdsBeforeRows"/>, oldest first.</summary>
    [Id(7)] public Queue<string>? RequestOrderBeforeRows { get; set; }

    /// <summary>Numbers the request ids in the order they were seen: a request id's row keeps its number, so the oldest is forgotten first after a restart too.</summary>
    [Id(11)] public long RequestCount { get; set; }

    // [Id(8)] was IssuedToday, always equal to LastNumber; never reuse the id.

    [Id(9)] public int CompletedToday { get; set; }

    /// <summary>Transfers received today, by transfer id: a late re-delivery of one must not bring its ticket back.</summary>
    [Id(10)] public HashSet<string> AcceptedTransfers { get; set; } = [];

    public const int MaxRequestIds = 1024;

    private const string TicketRow = "t:";
    private const string RequestRow = "r:";

    [NonSerialized] private readonly Queue<(string RequestId, long Number)> _requestOrder = new();
    [NonSerialized] private readonly Dictionary<string, long> _requestNumbers = [];
    [NonSerialized] private readonly HashSet<string> _changedRows = [];
    [NonSerialized] private bool _replaceRows;
    [NonSerialized] private readonly LineIndex _line = new();

    /// <summary>The waiting tickets in call order, kept in step with every <see cref="TicketChanged"/>.</summary>
    internal LineIndex Line => _line;

    [NonSerialized] private readonly FinishedTickets _finished = new();

    /// <summary>Tickets finished during this activation (the most recent few thousand), for quick answers; after a restart, or beyond them, the journal answers.</summary>
    public FinishedTickets Finished => _finished;

    /// <summary>A ticket was added, changed or removed: its row goes with the next write. <see cref="ThemeLine"/> calls it with every event it records, so no change escapes.</summary>
    public void TicketChanged(string ticketId)
    {
        _line.Changed(ticketId, Tickets.GetValueOrDefault(ticketId), Tickets.Count);
        if (!_replaceRows)
        {
            _changedRows.Add(TicketRow + ticketId);
        }
    }

    /// <summary>A new day: every row is replaced by what the state holds at the next write.</summary>
    public void ResetRows()
    {
        Tickets.Clear();
        _line.Invalidate();
        RequestIds.Clear();
        _requestOrder.Clear();
        _requestNumbers.Clear();
        _changedRows.Clear();
        _replaceRows = true;
    }

    /// <summary>Remembers the ticket issued for a client's request id, forgetting the oldest beyond <see cref="MaxRequestIds"/>.</summary>
    public void RememberRequest(string requestId, string ticketId)
    {
        var number = ++RequestCount;
        RequestIds[requestId] = ticketId;
        _requestNumbers[requestId] = number;
        _requestOrder.Enqueue((requestId, number));
        RequestChanged(requestId);
        while (_requestOrder.Count > MaxRequestIds)
        {
            var (oldest, _) = _requestOrder.Dequeue();
            RequestIds.Remove(oldest);
            _requestNumbers.Remove(oldest);
            RequestChanged(oldest);
        }
    }

    public RowChanges TakeRowChanges(IRowCodec codec)
    {
        if (_replaceRows)
        {
            _replaceRows = false;
            _changedRows.Clear();
            return new RowChanges(true, AllRows(codec));
        }

        if (_changedRows.Count == 0)
        {
            return RowChanges.None;
        }

        var rows = _changedRows.Select(key => new StoredRow(key, Encode(key, codec))).ToList();
        _changedRows.Clear();
        return new RowChanges(false, rows);
    }

    public IReadOnlyList<StoredRow> AllRows(IRowCodec codec) =>
        [.. Tickets.Keys.Select(id => TicketRow + id).Concat(RequestIds.Keys.Select(id => RequestRow + id)).Select(key => new StoredRow(key, Encode(key, codec)))];

    public void LoadRows(IReadOnlyList<StoredRow> rows, IRowCodec codec)
    {
        _line.Invalidate();
        var requests = new List<(string RequestId, RequestIdRow Row)>();
        foreach (var row in rows.Where(r => r.Payload is not null))
        {
            if (row.Key.StartsWith(TicketRow, StringComparison.Ordinal))
            {
                Tickets[row.Key[TicketRow.Length..]] = codec.Decode<TicketRecord>(row.Payload!);
            }
            else if (row.Key.StartsWith(RequestRow, StringComparison.Ordinal))
            {
                requests.Add((row.Key[RequestRow.Length..], codec.Decode<RequestIdRow>(row.Payload!)));
            }
        }

        foreach (var (requestId, row) in requests.OrderBy(r => r.Row.Number))
        {
            RequestIds[requestId] = row.TicketId;
            _requestNumbers[requestId] = row.Number;
            _requestOrder.Enqueue((requestId, row.Number));
        }

        MoveOlderPayloadIntoRows();
    }

    private void MoveOlderPayloadIntoRows()
    {
        if (TicketsBeforeRows is null && RequestIdsBeforeRows is null)
        {
            return;
        }

        foreach (var (id, ticket) in TicketsBeforeRows ?? [])
        {
            Tickets[id] = ticket;
        }

        foreach (var requestId in RequestOrderBeforeRows ?? new Queue<string>())
        {
            if (RequestIdsBeforeRows?.GetValueOrDefault(requestId) is { } ticketId)
            {
                RememberRequest(requestId, ticketId);
            }
        }

        (TicketsBeforeRows, RequestIdsBeforeRows, RequestOrderBeforeRows) = (null, null, null);
        _replaceRows = true;
    }

    private void RequestChanged(string requestId)
    {
        if (!_replaceRows)
        {
            _changedRows.Add(RequestRow + requestId);
        }
    }

    private byte[]? Encode(string key, IRowCodec codec)
    {
        if (key.StartsWith(TicketRow, StringComparison.Ordinal))
        {
            return Tickets.GetValueOrDefault(key[TicketRow.Length..]) is { } ticket ? codec.Encode(ticket) : null;
        }

        var requestId = key[RequestRow.Length..];
        return RequestIds.GetValueOrDefault(requestId) is { } ticketId ? codec.Encode(new RequestIdRow(ticketId, _requestNumbers[requestId])) : null;
    }
}

/// <summary>A request id's row: the ticket issued for it and the order it was seen in.</summary>
[GenerateSerializer]
public sealed record RequestIdRow([property: Id(0)] string TicketId, [property: Id(1)] long Number);

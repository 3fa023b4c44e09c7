namespace Queue.Domain;

/// <summary>
/// The tickets a line finished during this activation, for quick answers (a retried issue, a lookup), the most recent
/// <see cref="Capacity"/> of them; beyond that, as after a restart, the journal answers. Unbounded, a line whose day is
/// closed again and again within one business day (a hall that never restarts its day, a soak closing every minute)
/// kept every ticket it had ever finished in memory.
/// </summary>
public sealed class FinishedTickets
{
    /// <summary>More than a busy theme finishes in a day.</summary>
    public const int Capacity = 4_096;

    private readonly Dictionary<string, TicketRecord> _tickets = [];
    private readonly Queue<string> _order = new();

    public int Count => _tickets.Count;

    public TicketRecord? Get(string ticketId) => _tickets.GetValueOrDefault(ticketId);

    /// <summary>Keeps <paramref name="ticket"/>, forgetting the oldest beyond <see cref="Capacity"/>.</summary>
    public void Add(TicketRecord ticket)
    {
        if (_tickets.TryAdd(ticket.TicketId, ticket))
        {
            _order.Enqueue(ticket.TicketId);
        }
        else
        {
            _tickets[ticket.TicketId] = ticket;
        }

        while (_tickets.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _tickets.Remove(oldest);
        }

        if (_order.Count > 2 * Capacity)
        {
            // Ids removed by Remove linger in the order; start it over from what is kept (rare: transfers only).
            var kept = _order.Where(_tickets.ContainsKey).Distinct().ToList();
            _order.Clear();
            kept.ForEach(_order.Enqueue);
        }
    }

    public void Remove(string ticketId) => _tickets.Remove(ticketId);

    public void Clear()
    {
        _tickets.Clear();
        _order.Clear();
    }
}

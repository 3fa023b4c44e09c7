namespace Queue.Domain;

/// <summary>
/// The tickets a line finished during this activation, for quick answers (a retried issue, a lookup): at most
/// <see cref="Capacity"/>, the most recently finished; beyond them, as after a restart, the journal answers. Unbounded, a
/// line whose day is closed again and again within one business day (a hall that never starts a new day, a soak closing
/// every minute) kept every ticket it had ever finished in memory.
/// </summary>
public sealed class FinishedTickets
{
    /// <summary>More than a busy theme finishes in a day.</summary>
    public const int Capacity = 4_096;

    private readonly Dictionary<string, TicketRecord> _tickets = [];

    public int Count => _tickets.Count;

    public TicketRecord? Get(string ticketId) => _tickets.GetValueOrDefault(ticketId);

    /// <summary>
    /// Keeps <paramref name="ticket"/>; past <see cref="Capacity"/>, forgets the earlier-finished half at once (by
    /// <see cref="TicketRecord.FinishedAt"/>), so the cost is amortized and no second structure has to keep in step.
    /// </summary>
    public void Add(TicketRecord ticket)
    {
        _tickets[ticket.TicketId] = ticket;
        if (_tickets.Count <= Capacity)
        {
            return;
        }

        var forget = _tickets.Values.OrderBy(t => t.FinishedAt).Take(_tickets.Count - (Capacity / 2)).Select(t => t.TicketId).ToList();
        forget.ForEach(id => _tickets.Remove(id));
    }

    public void Remove(string ticketId) => _tickets.Remove(ticketId);

    public void Clear() => _tickets.Clear();
}

using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>
/// The waiting tickets of a line in call order, per (directed window, priority class): each group a list sorted by
/// the line's key, so that people ahead, the line's load and the best candidates cost a binary search per group
/// instead of a scan of the whole line (a scan took about a millisecond at 10,000 waiting, on every issue). Kept in
/// step by <see cref="ThemeQueueState.TicketChanged"/>, which every change of a ticket goes through; rebuilt from the
/// tickets when it was never built or the number of tickets it knows differs from the state's.
/// </summary>
internal sealed class LineIndex
{
    private readonly Dictionary<(int? Window, PriorityClass Priority), List<Key>> _groups = [];
    private readonly Dictionary<string, ((int? Window, PriorityClass Priority) Group, Key Key)> _waiting = [];
    private int _known = -1;

    /// <summary>Forget everything; the next use rebuilds from the tickets.</summary>
    public void Invalidate() => _known = -1;

    /// <summary>A ticket changed (or left: null): its place in the index follows.</summary>
    public void Changed(string ticketId, TicketRecord? ticket, int ticketCount)
    {
        if (_known < 0)
        {
            return; // not built: the next use builds it from the tickets as they are
        }

        Remove(ticketId);
        if (ticket is { Status: TicketStatus.Waiting })
        {
            Add(ticket);
        }

        _known = ticketCount;
    }

    public int PeopleAhead(IReadOnlyDictionary<string, TicketRecord> tickets, TicketRecord ticket)
    {
        Ensure(tickets);
        var ahead = 0;
        foreach (var ((window, priority), keys) in _groups)
        {
            if (window != ticket.DirectedToWindow || priority < ticket.Priority)
            {
                continue;
            }

            // Within its class: the tickets strictly before it in the line (an empty id sorts before every ticket of the same key).
            ahead += priority > ticket.Priority ? keys.Count : Rank(keys, new Key(ticket.WaitingSince, ticket.Arrival, ""));
        }

        return ahead;
    }

    /// <summary>Waiting tickets not directed to a window: the common line.</summary>
    public int CommonLine(IReadOnlyDictionary<string, TicketRecord> tickets)
    {
        Ensure(tickets);
        return _groups.Where(g => g.Key.Window is null).Sum(g => g.Value.Count);
    }

    /// <summary>The first ticket (by the line's key) among the groups that match, with the highest priority first when <paramref name="byPriority"/>.</summary>
    public TicketRecord? First(IReadOnlyDictionary<string, TicketRecord> tickets, Func<int?, PriorityClass, bool> match, bool byPriority)
    {
        Ensure(tickets);
        (PriorityClass Priority, Key Key)? best = null;
        foreach (var ((window, priority), keys) in _groups)
        {
            if (keys.Count == 0 || !match(window, priority))
            {
                continue;
            }

            var first = keys[0];
            var better = best is not { } b ||
                (byPriority && priority != b.Priority ? priority > b.Priority : first.CompareTo(b.Key) < 0);
            if (better)
            {
                best = (priority, first);
            }
        }

        return best is { } found ? tickets[found.Key.TicketId] : null;
    }

    private void Ensure(IReadOnlyDictionary<string, TicketRecord> tickets)
    {
        if (_known == tickets.Count)
        {
            return;
        }

        _groups.Clear();
        _waiting.Clear();
        foreach (var ticket in tickets.Values)
        {
            if (ticket.Status == TicketStatus.Waiting)
            {
                Add(ticket);
            }
        }

        _known = tickets.Count;
    }

    private void Add(TicketRecord ticket)
    {
        var group = (ticket.DirectedToWindow, ticket.Priority);
        if (!_groups.TryGetValue(group, out var keys))
        {
            _groups[group] = keys = [];
        }

        var key = new Key(ticket.WaitingSince, ticket.Arrival, ticket.TicketId);
        keys.Insert(Rank(keys, key), key);
        _waiting[ticket.TicketId] = (group, key);
    }

    private void Remove(string ticketId)
    {
        if (_waiting.Remove(ticketId, out var entry))
        {
            var keys = _groups[entry.Group];
            keys.RemoveAt(Rank(keys, entry.Key));
        }
    }

    /// <summary>How many keys come before <paramref name="key"/> (its index when present).</summary>
    private static int Rank(List<Key> keys, Key key)
    {
        var index = keys.BinarySearch(key);
        return index >= 0 ? index : ~index;
    }

    private readonly record struct Key(DateTimeOffset WaitingSince, long Arrival, string TicketId) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var order = WaitingSince.CompareTo(other.WaitingSince);
            order = order != 0 ? order : Arrival.CompareTo(other.Arrival);
            return order != 0 ? order : string.CompareOrdinal(TicketId, other.TicketId);
        }
    }
}

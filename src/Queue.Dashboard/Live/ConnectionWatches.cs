namespace Queue.Dashboard.Live;

/// <summary>
/// What one hub connection watches. A hub method may still be joining when the connection closes (SignalR runs
/// invocations beside the read loop): counting a watch and closing happen under one lock, so a watch is either
/// counted before the close (and uncounted by it) or refused, and never left counted for a connection that is gone.
/// A connection holds a few watches (a board: its hall; a phone: its ticket and line), at most <see cref="Max"/>.
/// </summary>
public sealed class ConnectionWatches(LiveHallService live)
{
    public const int Max = 16;
    private readonly List<LiveWatch> _watches = [];
    private bool _closed;

    /// <summary>Counts the watch; false when the connection has closed or already holds it.</summary>
    public bool TryAdd(LiveWatch watch, out bool subscribe)
    {
        subscribe = false;
        lock (_watches)
        {
            if (_closed || _watches.Contains(watch))
            {
                return false;
            }

            if (_watches.Count >= Max)
            {
                throw Contracts.Model.Refusals.TooManyWatches(Max);
            }

            _watches.Add(watch);
            subscribe = live.Watch(watch);
            return true;
        }
    }

    /// <summary>The connection closed: uncount every watch, refuse new ones.</summary>
    public void Close()
    {
        lock (_watches)
        {
            _closed = true;
            foreach (var watch in _watches)
            {
                live.Unwatch(watch);
            }

            _watches.Clear();
        }
    }
}

using System.Collections.Concurrent;
using Queue.Contracts.Config;

namespace Queue.Dashboard.Live;

/// <summary>
/// What this web node's clients watch (with counts), indexed by hall, and the configuration of each watched hall.
/// Routing a hall's events reads only that hall's watches, however many halls the node serves.
/// </summary>
public sealed class LiveWatches
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<LiveWatch, int>> _byHall = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, HallConfig> Configs { get; } = new();

    /// <summary>Counts a watch; true when it is the first of its hall.</summary>
    public bool Add(LiveWatch watch)
    {
        var counts = _byHall.GetOrAdd(watch.HallId, _ => new ConcurrentDictionary<LiveWatch, int>());
        lock (counts)
        {
            var first = counts.IsEmpty;
            counts.AddOrUpdate(watch, 1, (_, n) => n + 1);
            return first;
        }
    }

    public void Remove(LiveWatch watch)
    {
        if (!_byHall.TryGetValue(watch.HallId, out var counts))
        {
            return;
        }

        lock (counts)
        {
            if (counts.AddOrUpdate(watch, 0, (_, n) => n - 1) <= 0)
            {
                counts.TryRemove(new KeyValuePair<LiveWatch, int>(watch, 0));
            }
        }
    }

    /// <summary>The hall's distinct watches (a board's zone, a window, a ticket, a line, the manager view).</summary>
    public IEnumerable<LiveWatch> Watches(string hallId) =>
        _byHall.TryGetValue(hallId, out var counts) ? counts.Keys : [];

    public IReadOnlySet<string> Halls => _byHall.Where(h => !h.Value.IsEmpty).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
}

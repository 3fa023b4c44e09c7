using System.Collections.Concurrent;
using Queue.Contracts.Config;

namespace Queue.Dashboard.Live;

/// <summary>What this web node's clients watch (with counts), and the configuration of each watched hall.</summary>
public sealed class LiveWatches
{
    private readonly ConcurrentDictionary<LiveWatch, int> _counts = new();

    public ConcurrentDictionary<string, HallConfig> Configs { get; } = new();

    /// <summary>Counts a watch; true when it is the first of its hall.</summary>
    public bool Add(LiveWatch watch)
    {
        var first = !Watches(watch.HallId).Any();
        _counts.AddOrUpdate(watch, 1, (_, n) => n + 1);
        return first;
    }

    public void Remove(LiveWatch watch)
    {
        if (_counts.AddOrUpdate(watch, 0, (_, n) => n - 1) <= 0)
        {
            _counts.TryRemove(new KeyValuePair<LiveWatch, int>(watch, 0));
        }
    }

    public IEnumerable<LiveWatch> Watches(string hallId) => _counts.Keys.Where(w => w.HallId == hallId);

    public IReadOnlySet<string> Halls => _counts.Keys.Select(w => w.HallId).ToHashSet();
}

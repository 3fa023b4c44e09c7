using Queue.Contracts.Events;
using Queue.Engine.Persistence;

namespace Queue.Engine.Persistence;

/// <summary>
/// A day of a hall's journal: the events with <c>from ≤ At &lt; to</c>. The journal is ordered by sequence and its
/// times grow with it, so the first event of the day is found by bisection on the sequence (a few one-row reads),
/// then the day is read forward in pages. At most <see cref="MaxEvents"/> events, which is far above a busy hall's day.
/// </summary>
public static class JournalDay
{
    public const int MaxEvents = 200_000;
    private const int Page = 1000;

    public static async Task<IReadOnlyList<HallEvent>> ReadAsync(IStateStore store, string hallId, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(store);
        var last = await store.LastSequenceAsync(hallId);
        long low = 0;
        var high = last;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var at = await store.ReadEventsAsync(hallId, middle, 1);
            if (at.Count == 0 || at[0].At >= from)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        var day = new List<HallEvent>();
        var after = low;
        while (day.Count < MaxEvents)
        {
            var page = await store.ReadEventsAsync(hallId, after, Page);
            day.AddRange(page.TakeWhile(e => e.At < to).Where(e => e.At >= from));
            if (page.Count < Page || page[^1].At >= to)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        return day;
    }
}

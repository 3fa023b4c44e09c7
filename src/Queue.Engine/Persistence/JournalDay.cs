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

    /// <summary>
    /// The journal of the dates <paramref name="from"/>..<paramref name="to"/> in the zone, one day at a time (so each day has
    /// the <see cref="MaxEvents"/> bound), with each day's end: local midnight after it, or <paramref name="now"/> if earlier.
    /// </summary>
    public static async Task<IReadOnlyList<(DateOnly Date, IReadOnlyList<HallEvent> Events, DateTimeOffset End)>> ReadDaysAsync(
        IStateStore store, string hallId, DateOnly from, DateOnly to, TimeZoneInfo zone, DateTimeOffset now)
    {
        var days = new List<(DateOnly, IReadOnlyList<HallEvent>, DateTimeOffset)>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var (start, end) = (Midnight(date, zone), Midnight(date.AddDays(1), zone));
            if (start > now)
            {
                break;
            }

            days.Add((date, await ReadAsync(store, hallId, start, end), now < end ? now : end));
        }

        return days;
    }

    /// <summary>The journal of one date in the zone (local midnight to local midnight).</summary>
    public static Task<IReadOnlyList<HallEvent>> ReadDayAsync(IStateStore store, string hallId, DateOnly date, TimeZoneInfo zone) =>
        ReadAsync(store, hallId, Midnight(date, zone), Midnight(date.AddDays(1), zone));

    private static DateTimeOffset Midnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

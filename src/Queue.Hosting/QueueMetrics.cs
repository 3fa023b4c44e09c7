using System.Diagnostics.Metrics;
using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Hosting;

/// <summary>
/// The queue's own meter ("Queue"), fed from the one place every event passes: a committed grain write. It counts
/// events by kind and hall, and records each call's wait, so an SLA dashboard can be built from metrics alone; and the
/// store's group-commit batches, which say what a commit's fsync is shared by.
/// </summary>
public static class QueueMetrics
{
    public const string MeterName = "Queue";

    private static readonly Meter Meter = new(MeterName, "1.0");
    private static readonly Counter<long> Events = Meter.CreateCounter<long>("queue.events", "{event}", "Hall events committed, by kind");
    private static readonly Histogram<double> Waits = Meter.CreateHistogram<double>("queue.ticket.wait", "s", "How long a ticket waited before its call");
    private static readonly Histogram<int> StoreBatches = Meter.CreateHistogram<int>("queue.store.batch", "{write}", "Grain writes committed together in one store transaction (group commit)");

    /// <summary>A store transaction committed <paramref name="writes"/> grain writes at once: the group commit's batch.</summary>
    public static void StoreCommitted(int writes) => StoreBatches.Record(writes);

    public static void Committed(IEnumerable<HallEvent> events)
    {
        foreach (var e in events)
        {
            var hall = new KeyValuePair<string, object?>("hall", e.HallId);
            Events.Add(1, hall, new KeyValuePair<string, object?>("kind", e.Kind.ToString()));
            if (e.Kind == HallEventKind.TicketCalled && e.WaitSeconds is { } wait)
            {
                Waits.Record(wait, hall, new KeyValuePair<string, object?>("theme", e.ThemeCode));
            }
        }
    }
}

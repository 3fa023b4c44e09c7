using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Engine.Hosting;
using Queue.Hosting;

namespace Queue.GrainTests.Engine;

[Collection(QueueClusterCollection.Name)]
public sealed class MetricsTests(QueueClusterFixture cluster)
{
    [Fact]
    public async Task CommittedEventsAndCallWaitsAreMeasuredPerHall()
    {
        const string hallId = "metrics-1";
        var counted = new ConcurrentBag<string>();
        var waits = new ConcurrentBag<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == QueueMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            if (Tag(tags, "hall") == hallId)
            {
                counted.Add(Tag(tags, "kind")!);
            }
        });
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            if (Tag(tags, "hall") == hallId)
            {
                waits.Add(value);
            }
        });
        listener.Start();

        await cluster.Grains.GetGrain<IHallGrain>(hallId).ConfigureAsync(TestHalls.Small(hallId, ["BDC"], WindowProfile.Dedicated("BDC")));
        await cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, "BDC")).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        var window = cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, 1));
        await window.SignInAsync(new SignIn("s1", "张三"));
        await window.CallNextAsync();

        // (The SLA guardian may add an alert while the ticket waits with no window open: not this test's business.)
        Assert.Equal(["HallConfigured", "TicketCalled", "TicketIssued", "WindowOpened"], counted.Where(k => !k.StartsWith("Sla", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(0, Assert.Single(waits)); // the fixture's clock stands still: the ticket waited no time at all
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}

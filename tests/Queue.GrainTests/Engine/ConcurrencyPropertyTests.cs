using System.Collections.Concurrent;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Xunit.Abstractions;

namespace Queue.GrainTests.Engine;

/// <summary>
/// Many windows at once, issuing, calling, recalling, marking no-shows, transferring, holding and completing
/// over shared themes, in random interleavings. Afterwards the journal and the grains must agree on every
/// invariant: no ticket at two windows, none lost, numbers unique, the hall sequence gap-free.
/// </summary>
[Collection(QueueClusterCollection.Name)]
public sealed class ConcurrencyPropertyTests(QueueClusterFixture cluster, ITestOutputHelper output)
{
    private const int Windows = 24;
    private const int RoundsPerWindow = 60;
    private static readonly string[] Themes = ["BDC", "QYKB", "SW", "SBYB", "XSE"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ManyWindowsWorkingAtOnceNeverShareATicketNorLoseOne(int seed)
    {
        var hallId = $"prop-{seed}";
        var profiles = Enumerable.Range(0, Windows).Select(i => (i % 4) switch
        {
            0 => WindowProfile.Comprehensive,
            1 => WindowProfile.Dedicated(Themes[i % Themes.Length]),
            2 => new WindowProfile(WindowProfileKind.Ordered, [Themes[i % Themes.Length], Themes[(i + 1) % Themes.Length]]),
            _ => WindowProfile.Dedicated(Themes[(i / 4) % Themes.Length]),
        }).ToArray();
        await cluster.Grains.GetGrain<IHallGrain>(hallId).ConfigureAsync(TestHalls.Small(hallId, Themes, profiles));

        var issued = new ConcurrentBag<TicketSnapshot>();
        var held = new ConcurrentQueue<string>();
        var operations = 0;
        await Task.WhenAll(Enumerable.Range(1, Windows).Select(no => Task.Run(async () =>
        {
            var random = new Random(seed * 1000 + no);
            var window = cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, no));
            await window.SignInAsync(new SignIn($"staff-{no}", $"员工{no}"));
            for (var round = 0; round < RoundsPerWindow; round++)
            {
                for (var k = random.Next(0, 3); k > 0; k--)
                {
                    var theme = Themes[random.Next(Themes.Length)];
                    var priority = random.NextDouble() < 0.2 ? PriorityClass.GreenChannel : PriorityClass.Normal;
                    issued.Add(await cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, theme))
                        .IssueAsync(new IssueTicket(IssueChannel.Kiosk, priority, $"{seed}-{no}-{round}-{k}")));
                    Interlocked.Increment(ref operations);
                }

                if (random.NextDouble() < 0.1 && held.TryDequeue(out var heldTicket))
                {
                    await cluster.Grains.GetGrain<ITicketGrain>(heldTicket).ResumeHoldAsync();
                }

                var called = await window.CallNextAsync();
                Interlocked.Increment(ref operations);
                if (called.Current is null)
                {
                    continue;
                }

                Interlocked.Add(ref operations, await Serve(window, called.Current, random, held));
            }
        })));

        var events = await AllEvents(hallId);
        output.WriteLine($"seed {seed}: {operations} operations, {issued.Count} tickets, {events.Count} events");
        Assert.True(operations > 2000, $"only {operations} operations");
        AssertSequenceIsGapFree(events);
        AssertNumbersAreUniquePerTheme(events);
        AssertNoTicketWasAtTwoWindowsAtOnce(events);
        await AssertNoTicketIsLost(issued, events);
    }

    private static async Task<int> Serve(IWindowGrain window, CurrentTicket current, Random random, ConcurrentQueue<string> held)
    {
        var roll = random.NextDouble();
        if (roll < 0.1)
        {
            await window.RecallAsync();
            await window.RecallAsync();
            await window.NoShowAsync();
            return 3;
        }

        await window.StartServiceAsync();
        if (roll < 0.2)
        {
            var others = Themes.Where(t => t != current.ThemeCode).ToArray();
            await window.TransferAsync(new TransferTicket(others[random.Next(others.Length)], null, "转办"));
            return 2;
        }

        if (roll < 0.25)
        {
            await window.HoldAsync("缺材料");
            held.Enqueue(current.TicketId);
            return 2;
        }

        var outcome = roll < 0.3 ? new CompleteService(ServiceOutcome.NotDone, "材料不全") : new CompleteService(ServiceOutcome.Done, null);
        await window.CompleteAsync(outcome);
        return 2;
    }

    private async Task<List<HallEvent>> AllEvents(string hallId)
    {
        var hall = cluster.Grains.GetGrain<IHallGrain>(hallId);
        var events = new List<HallEvent>();
        while (true)
        {
            var page = await hall.GetEventsAsync(events.Count == 0 ? 0 : events[^1].Sequence, 1000);
            if (page.Count == 0)
            {
                return events;
            }

            events.AddRange(page);
        }
    }

    private static void AssertSequenceIsGapFree(List<HallEvent> events) =>
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));

    private static void AssertNumbersAreUniquePerTheme(List<HallEvent> events)
    {
        var numbers = events.Where(e => e.Kind == HallEventKind.TicketIssued).Select(e => (e.ThemeCode, e.DisplayNumber)).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    /// <summary>Replays each ticket's events: a call is only ever made to a waiting ticket, and only its window acts on it.</summary>
    private static void AssertNoTicketWasAtTwoWindowsAtOnce(List<HallEvent> events)
    {
        var holder = new Dictionary<string, int?>();
        foreach (var e in events.Where(e => e.TicketId is not null))
        {
            var id = e.TicketId!;
            switch (e.Kind)
            {
                case HallEventKind.TicketIssued:
                    holder[id] = null;
                    break;
                case HallEventKind.TicketCalled:
                    Assert.True(holder[id] is null, $"{e.DisplayNumber} called by window {e.WindowNo} while at window {holder[id]}");
                    holder[id] = e.WindowNo;
                    break;
                case HallEventKind.TicketRecalled or HallEventKind.ServiceStarted:
                    Assert.Equal(holder[id], e.WindowNo);
                    break;
                case HallEventKind.ServiceCompleted or HallEventKind.TicketNoShow or HallEventKind.TicketTransferred or HallEventKind.TicketHeld:
                    Assert.Equal(holder[id], e.WindowNo);
                    holder[id] = null;
                    break;
            }
        }
    }

    /// <summary>Every issued ticket can be found, and what its grain says equals what its events say.</summary>
    private async Task AssertNoTicketIsLost(IEnumerable<TicketSnapshot> issued, List<HallEvent> events)
    {
        var byTicket = events.Where(e => e.TicketId is not null).GroupBy(e => e.TicketId!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var ticket in issued.DistinctBy(t => t.TicketId))
        {
            var now = await cluster.Grains.GetGrain<ITicketGrain>(ticket.TicketId).GetAsync();
            var replayed = TicketHistory.Rebuild(byTicket[ticket.TicketId], Contracts.Config.HallConfig.DefaultTimeZone)!;
            Assert.Equal(replayed.Status, now.Status);
            Assert.Equal(replayed.ThemeCode, now.ThemeCode);
            Assert.Equal(ticket.DisplayNumber, now.DisplayNumber);
            Assert.Equal(ticket.IssuedAt, now.IssuedAt);
        }
    }
}

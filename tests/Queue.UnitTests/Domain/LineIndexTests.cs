using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

/// <summary>
/// The line's index (people ahead, the common line, the best candidates) against a count over every ticket, after a
/// random day of issues in three classes, calls, no-shows and penalty rejoins (which move other tickets back), holds,
/// resumes, directed transfers in, cancels and completions.
/// </summary>
public sealed class LineIndexTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 1, 30, 0, TimeSpan.Zero);
    private static readonly ThemeContext Context = new("h", HallConfig.DefaultTimeZone, new ThemeConfig("BDC", "不动产登记", "Real estate", "A", "z"), RoutingPolicy.Default);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheIndexAgreesWithACountOverEveryTicketThroughARandomDay(int seed)
    {
        var random = new Random(seed);
        var state = new ThemeQueueState();
        var now = Morning;
        var atWindows = new List<(string TicketId, int Window)>();
        var noShows = new List<string>();
        for (var step = 0; step < 600; step++)
        {
            now = now.AddSeconds(random.Next(1, 20));
            var line = new ThemeLine(state, Context, now);
            line.EnsureDay();
            var roll = random.Next(100);
            if (roll < 45)
            {
                var priority = (PriorityClass)(random.Next(10) switch { < 7 => 0, < 9 => 1, _ => 2 });
                line.Issue(new IssueTicket(IssueChannel.Kiosk, priority, $"r{step}"));
            }
            else if (roll < 65)
            {
                var window = random.Next(1, 4);
                var best = line.Candidates(window).FirstOrDefault();
                if (best is not null && line.Claim(best.TicketId, window) is { } claimed)
                {
                    atWindows.Add((claimed.TicketId, window));
                }
            }
            else if (roll < 78 && atWindows.Count > 0)
            {
                var (ticketId, window) = atWindows[random.Next(atWindows.Count)];
                atWindows.Remove((ticketId, window));
                switch (random.Next(4))
                {
                    case 0:
                        line.Recall(ticketId, window);
                        line.Recall(ticketId, window);
                        if (!line.NoShow(ticketId, window).Rejoined)
                        {
                            noShows.Add(ticketId);
                        }

                        break;
                    case 1:
                        line.StartService(ticketId, window);
                        line.Hold(ticketId, window, "补正");
                        line.ResumeHold(ticketId);
                        break;
                    default:
                        line.StartService(ticketId, window);
                        line.Complete(ticketId, window, new CompleteService(ServiceOutcome.Done, null));
                        break;
                }
            }
            else if (roll < 85 && noShows.Count > 0)
            {
                var ticketId = noShows[random.Next(noShows.Count)];
                noShows.Remove(ticketId);
                line.Rejoin(ticketId);
            }
            else if (roll < 92)
            {
                line.AcceptTransfer(new TransferredTicket(
                    $"in{step}", $"T{step:000}", "SW", "BDC", random.Next(2) == 0 ? null : random.Next(1, 4), PriorityClass.Normal, IssueChannel.Kiosk,
                    now.AddMinutes(-random.Next(30)), now.AddMinutes(-random.Next(30)), state.BusinessDay, false, $"x{step}"));
            }
            else
            {
                var waiting = state.Tickets.Values.Where(t => t.Status == TicketStatus.Waiting).ToList();
                if (waiting.Count > 0)
                {
                    line.Cancel(waiting[random.Next(waiting.Count)].TicketId);
                }
            }

            if (step % 50 == 49)
            {
                AssertAgrees(state, now);
            }
        }

        AssertAgrees(state, now);
        Assert.True(state.Tickets.Values.Count(t => t.Status == TicketStatus.Waiting) > 20, "the day left a line to check");
    }

    private static void AssertAgrees(ThemeQueueState state, DateTimeOffset now)
    {
        var line = new ThemeLine(state, Context, now);
        var waiting = state.Tickets.Values.Where(t => t.Status == TicketStatus.Waiting).ToList();
        foreach (var ticket in waiting)
        {
            var counted = waiting.Count(t => t.TicketId != ticket.TicketId && t.DirectedToWindow == ticket.DirectedToWindow &&
                (t.Priority > ticket.Priority || (t.Priority == ticket.Priority && t.LineKey.CompareTo(ticket.LineKey) < 0)));
            Assert.Equal(counted, line.PeopleAhead(ticket));
        }

        Assert.Equal(waiting.Count(t => t.DirectedToWindow is null), line.Load.Waiting);
        for (var window = 1; window <= 3; window++)
        {
            var expected = new[]
            {
                waiting.Where(t => t.DirectedToWindow == window).MinBy(t => t.LineKey),
                waiting.Where(t => t.DirectedToWindow is null && t.Priority != PriorityClass.Normal).OrderByDescending(t => t.Priority).ThenBy(t => t.LineKey).FirstOrDefault(),
                waiting.Where(t => t.DirectedToWindow is null && t.Priority == PriorityClass.Normal).MinBy(t => t.LineKey),
            }.OfType<TicketRecord>().Select(t => t.TicketId);
            Assert.Equal(expected, line.Candidates(window).Select(c => c.TicketId));
        }
    }
}

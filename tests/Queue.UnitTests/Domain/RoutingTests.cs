using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

public sealed class RoutingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly RoutingPolicy Policy = RoutingPolicy.Default;

    [Fact]
    public void NobodyWaitingMeansNobodyIsCalled() =>
        Assert.Null(Routing.Choose([], ["BDC"], 0, Policy, Now));

    [Fact]
    public void AGreenChannelTicketGoesBeforeANormalTicketThatWaitedLonger()
    {
        var normal = Candidate("N", PriorityClass.Normal, waitedMinutes: 10);
        var green = Candidate("G", PriorityClass.GreenChannel, waitedMinutes: 1);
        Assert.Same(green, Routing.Choose([normal, green], ["BDC"], 0, Policy, Now));
    }

    [Fact]
    public void AtMostTwoPriorityCallsInARowWhileNormalTicketsWait()
    {
        var normal = Candidate("N", PriorityClass.Normal, waitedMinutes: 1);
        var green = Candidate("G", PriorityClass.GreenChannel, waitedMinutes: 1);
        Assert.Same(green, Routing.Choose([normal, green], ["BDC"], 1, Policy, Now));
        Assert.Same(normal, Routing.Choose([normal, green], ["BDC"], 2, Policy, Now));
    }

    [Fact]
    public void ThePriorityBoundIsConfigurable()
    {
        var normal = Candidate("N", PriorityClass.Normal, waitedMinutes: 1);
        var green = Candidate("G", PriorityClass.GreenChannel, waitedMinutes: 1);
        var strict = Policy with { MaxConsecutivePriorityCalls = 0 };
        Assert.Same(normal, Routing.Choose([normal, green], ["BDC"], 0, strict, Now));
    }

    [Fact]
    public void ThePriorityBoundDoesNotHoldBackPriorityTicketsWhenNoNormalTicketWaits()
    {
        var green = Candidate("G", PriorityClass.GreenChannel, waitedMinutes: 1);
        Assert.Same(green, Routing.Choose([green], ["BDC"], 5, Policy, Now));
    }

    [Fact]
    public void GreenChannelGoesBeforeAnAppointment()
    {
        var appointment = Candidate("P", PriorityClass.Appointment, waitedMinutes: 5);
        var green = Candidate("G", PriorityClass.GreenChannel, waitedMinutes: 1);
        Assert.Same(green, Routing.Choose([appointment, green], ["BDC"], 0, Policy, Now));
    }

    [Fact]
    public void UrgencyOvertakesPriorityNearTheTarget()
    {
        var nearTarget = Candidate("N", PriorityClass.Normal, waitedMinutes: 25); // 25/30 = 0.83 ≥ 0.8
        var green = Candidate("G", PriorityClass.GreenChannel, waitedMinutes: 3);
        Assert.Same(nearTarget, Routing.Choose([nearTarget, green], ["BDC"], 0, Policy, Now));
    }

    [Fact]
    public void ANormalTicketBelowTheCriticalShareDoesNotOvertakePriority()
    {
        var normal = Candidate("N", PriorityClass.Normal, waitedMinutes: 23); // 0.77 < 0.8
        var green = Candidate("G", PriorityClass.GreenChannel, waitedMinutes: 3);
        Assert.Same(green, Routing.Choose([normal, green], ["BDC"], 0, Policy, Now));
    }

    [Fact]
    public void APriorityTicketMoreUrgentThanACriticalNormalTicketStillGoesFirst()
    {
        var normal = Candidate("N", PriorityClass.Normal, waitedMinutes: 25);
        var green = Candidate("G", PriorityClass.GreenChannel, waitedMinutes: 28);
        Assert.Same(green, Routing.Choose([normal, green], ["BDC"], 0, Policy, Now));
    }

    [Fact]
    public void UrgencyIsMeasuredAgainstEachThemesOwnTarget()
    {
        var longTarget = Candidate("L", PriorityClass.Normal, waitedMinutes: 40, theme: "QYKB", target: 120); // 0.33
        var shortTarget = Candidate("S", PriorityClass.Normal, waitedMinutes: 27, theme: "BDC", target: 30); // 0.9
        Assert.Same(shortTarget, Routing.Choose([longTarget, shortTarget], ["QYKB", "BDC"], 0, Policy, Now));
    }

    [Fact]
    public void TheProfileOrderIsAPreferenceWhileNoThemeIsNearItsTarget()
    {
        var preferred = Candidate("B", PriorityClass.Normal, waitedMinutes: 5, theme: "BDC");
        var other = Candidate("S", PriorityClass.Normal, waitedMinutes: 15, theme: "SW");
        Assert.Same(preferred, Routing.Choose([preferred, other], ["BDC", "SW"], 0, Policy, Now));
    }

    [Fact]
    public void TheProfileOrderIsNotAWallWhenAnotherThemeNearsItsTarget()
    {
        var preferred = Candidate("B", PriorityClass.Normal, waitedMinutes: 5, theme: "BDC");
        var urgent = Candidate("S", PriorityClass.Normal, waitedMinutes: 26, theme: "SW");
        Assert.Same(urgent, Routing.Choose([preferred, urgent], ["BDC", "SW"], 0, Policy, Now));
    }

    [Fact]
    public void AComprehensiveWindowTakesTheLongestWaitingFirst()
    {
        var older = Candidate("O", PriorityClass.Normal, waitedMinutes: 12, theme: "SW");
        var newer = Candidate("N", PriorityClass.Normal, waitedMinutes: 4, theme: "BDC");
        Assert.Same(older, Routing.Choose([newer, older], [], 0, Policy, Now));
    }

    [Fact]
    public void ATicketTransferredToThisWindowComesFirst()
    {
        var green = Candidate("G", PriorityClass.GreenChannel, waitedMinutes: 29);
        var directed = Candidate("D", PriorityClass.Normal, waitedMinutes: 2) with { DirectedToWindow = true };
        Assert.Same(directed, Routing.Choose([green, directed], ["BDC"], 0, Policy, Now));
    }

    [Fact]
    public void ATransferredTicketKeepsItsOriginalIssueTimeAndSoItsPlace()
    {
        // A ticket issued 20 minutes ago in QYKB and transferred to SW carries WaitingSince = its issue time,
        // so it is called before an SW ticket issued 10 minutes ago.
        var transferred = Candidate("T", PriorityClass.Normal, waitedMinutes: 20, theme: "SW");
        var local = Candidate("L", PriorityClass.Normal, waitedMinutes: 10, theme: "SW");
        Assert.Same(transferred, Routing.Choose([local, transferred], ["SW"], 0, Policy, Now));
    }

    [Fact]
    public void ANormalTicketIsCalledWithinTheBoundEvenUnderAnEndlessStreamOfGreenChannelTickets()
    {
        // One window, one normal ticket, and a new green-channel ticket arriving before every call.
        var normal = Candidate("N", PriorityClass.Normal, waitedMinutes: 0);
        var streak = 0;
        for (var call = 1; call <= 10; call++)
        {
            var green = Candidate($"G{call}", PriorityClass.GreenChannel, waitedMinutes: 0);
            var chosen = Routing.Choose([normal, green], ["BDC"], streak, Policy, Now)!;
            if (chosen == normal)
            {
                Assert.Equal(Policy.MaxConsecutivePriorityCalls + 1, call);
                return;
            }

            streak++;
        }

        Assert.Fail("the normal ticket starved");
    }

    [Fact]
    public void NoTicketStarvesInALongRandomSimulationOfAnOverloadedWindow()
    {
        // Arrivals at 1.5× the window's capacity for an hour, then 0.9×; a third of them priority; three themes with different targets:
        // every ticket of the overloaded hour is called, and no ticket waits longer than four hours.
        var random = new Random(20261126);
        var waiting = new List<QueueCandidate>();
        var clock = Now;
        var streak = 0;
        var issued = new Dictionary<string, DateTimeOffset>();
        var called = new Dictionary<string, DateTimeOffset>();
        string[] themes = ["BDC", "SW", "QYKB"];
        int[] targets = [30, 30, 60];
        for (var minute = 0; minute < 6 * 60; minute++)
        {
            clock = Now.AddMinutes(minute);
            var arrivals = minute < 60 ? (random.NextDouble() < 0.5 ? 1 : 0) : (random.NextDouble() < 0.3 ? 1 : 0);
            for (var a = 0; a < arrivals; a++)
            {
                var t = random.Next(themes.Length);
                var id = $"t{issued.Count}";
                issued[id] = clock;
                var priority = random.NextDouble() < 0.33 ? PriorityClass.GreenChannel : PriorityClass.Normal;
                waiting.Add(new QueueCandidate(id, themes[t], id, priority, clock, targets[t], false));
            }

            if (minute % 3 == 0)
            {
                // The window sees what each theme offers: its best priority and best normal ticket.
                var offers = themes.SelectMany(theme => new[]
                {
                    waiting.Where(c => c.ThemeCode == theme && c.Priority != PriorityClass.Normal).MinBy(c => c.WaitingSince),
                    waiting.Where(c => c.ThemeCode == theme && c.Priority == PriorityClass.Normal).MinBy(c => c.WaitingSince),
                }).OfType<QueueCandidate>().ToList();
                var chosen = Routing.Choose(offers, [], streak, Policy, clock);
                if (chosen is not null)
                {
                    waiting.Remove(chosen);
                    called[chosen.TicketId] = clock;
                    streak = chosen.Priority == PriorityClass.Normal ? 0 : streak + 1;
                }
            }
        }

        var firstHour = issued.Where(kv => kv.Value < Now.AddHours(1)).Select(kv => kv.Key).ToList();
        Assert.All(firstHour, id => Assert.True(called.ContainsKey(id), $"{id} was never called"));
        var worstWait = called.Max(kv => (kv.Value - issued[kv.Key]).TotalMinutes);
        Assert.True(worstWait < 4 * 60, $"worst wait {worstWait} min");
    }

    private static QueueCandidate Candidate(string id, PriorityClass priority, double waitedMinutes, string theme = "BDC", int target = 30) =>
        new(id, theme, id, priority, Now.AddMinutes(-waitedMinutes), target, false);
}

using System.Text;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

/// <summary>线上取号 on a fake clock: the limits, the entrance code's rotation and acceptance window, the leave-home time, and the check-in.</summary>
public sealed class RemoteTicketTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 1, 30, 0, TimeSpan.Zero); // 09:30 in Shanghai
    private static readonly ThemeContext Context = new("h", HallConfig.DefaultTimeZone, new ThemeConfig("BDC", "不动产登记", "Real estate", "A", "z"), RoutingPolicy.Default);
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("an entrance key of thirty-two by");

    private readonly RemoteTicketLedger _ledger = new();
    private readonly ThemeQueueState _state = new();

    [Fact]
    public void ACitizenHoldsOneActiveRemoteTicketPerThemeAndMayTakeAnotherOnceItIsFinished()
    {
        var rules = Rules(Morning);
        rules.EnsureMayTake("c1", "a1", "BDC", new HashSet<string>());
        rules.Record("c1", "a1", new RemoteTicketEntry("BDC", "t1", "A001", null));

        var refused = Assert.Throws<QueueRuleException>(() => rules.EnsureMayTake("c1", "a1", "BDC", new HashSet<string> { "t1" }));
        Assert.Equal(("remote-active", ProblemKind.Conflict), (refused.Code, refused.Kind));
        rules.EnsureMayTake("c1", "a1", "QYKB", new HashSet<string> { "t1" }); // another theme is fine
        rules.EnsureMayTake("c1", "a1", "BDC", new HashSet<string>()); // t1 finished: a second one for the same theme
        rules.EnsureMayTake("c2", "a1", "BDC", new HashSet<string> { "t1" }); // someone else
    }

    [Fact]
    public void ACitizenTakesAtMostThreeADayCancelledOnesIncludedAndANewBusinessDayStartsAfresh()
    {
        var rules = Rules(Morning);
        foreach (var (theme, id) in new[] { ("BDC", "t1"), ("SW", "t2"), ("GJJ", "t3") })
        {
            rules.EnsureMayTake("c1", "a1", theme, new HashSet<string>());
            rules.Record("c1", "a1", new RemoteTicketEntry(theme, id, "X", null));
        }

        var refused = Assert.Throws<QueueRuleException>(() => rules.EnsureMayTake("c1", "a2", "HJ", new HashSet<string>()));
        Assert.Equal(("remote-limit", ProblemKind.Conflict), (refused.Code, refused.Kind));

        var tomorrow = Rules(Morning.AddDays(1));
        tomorrow.EnsureMayTake("c1", "a1", "HJ", new HashSet<string>());
        Assert.True(tomorrow.Dirty);
        Assert.Empty(_ledger.ByCitizen);
    }

    [Fact]
    public void AnAddressTakesAtMostItsDailyAllowanceAcrossCitizens()
    {
        var rules = new RemoteTicketRules(_ledger, new RemoteTicketLimits(PerCitizenPerDay: 3, PerAddressPerDay: 2), Morning, HallConfig.DefaultTimeZone);
        rules.EnsureDay();
        rules.Record("c1", "a1", new RemoteTicketEntry("BDC", "t1", "A001", null));
        rules.Record("c2", "a1", new RemoteTicketEntry("BDC", "t2", "A002", null));

        var refused = Assert.Throws<QueueRuleException>(() => rules.EnsureMayTake("c3", "a1", "BDC", new HashSet<string>()));
        Assert.Equal(("remote-address-limit", ProblemKind.TooManyRequests), (refused.Code, refused.Kind));
        rules.EnsureMayTake("c3", "a2", "BDC", new HashSet<string>());
    }

    [Fact]
    public void ARetriedRequestFindsItsTicketAndTheSameTicketCountsOnce()
    {
        var rules = Rules(Morning);
        var entry = new RemoteTicketEntry("BDC", "t1", "A001", "r-1");
        rules.Record("c1", "a1", entry);
        rules.Record("c1", "a1", entry);

        Assert.Equal(entry, rules.Retry("c1", "r-1"));
        Assert.Null(rules.Retry("c1", "r-2"));
        Assert.Null(rules.Retry("c2", "r-1"));
        Assert.Single(_ledger.ByCitizen["c1"]);
        Assert.Equal(1, _ledger.ByAddress["a1"]);
    }

    [Fact]
    public void TheEntranceCodeIsSixDigitsForTheMinuteAndTurnsAtTheStep()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(29_000_000 * 60L);
        var code = EntranceCode.At(Key, "binjiang", start);

        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal(code, EntranceCode.At(Key, "binjiang", start.AddSeconds(59)));
        Assert.NotEqual(code, EntranceCode.At(Key, "binjiang", start.AddSeconds(60)));
        Assert.NotEqual(code, EntranceCode.At(Key, "other", start));
        Assert.Equal(start.AddSeconds(60), EntranceCode.NextChange(start.AddSeconds(30)));
    }

    [Fact]
    public void TheEntranceAcceptsTheCurrentAndThePreviousStepsCodeAndNothingOlderNewerOrElsewhere()
    {
        var shown = DateTimeOffset.FromUnixTimeSeconds(29_000_000 * 60L + 10);
        var code = EntranceCode.At(Key, "binjiang", shown);

        Assert.True(EntranceCode.Accepts(Key, "binjiang", code, shown));
        Assert.True(EntranceCode.Accepts(Key, "binjiang", code, shown.AddSeconds(100))); // the next step: still the previous code
        Assert.False(EntranceCode.Accepts(Key, "binjiang", code, shown.AddSeconds(120))); // two steps on: expired
        Assert.False(EntranceCode.Accepts(Key, "binjiang", code, shown.AddSeconds(-60))); // a code from the future is not one
        Assert.False(EntranceCode.Accepts(Key, "other", code, shown));
        Assert.False(EntranceCode.Accepts(Encoding.ASCII.GetBytes("another key, another installation"), "binjiang", code, shown));
        Assert.False(EntranceCode.Accepts(Key, "binjiang", null, shown));
        Assert.False(EntranceCode.Accepts(Key, "binjiang", "12345", shown));
        Assert.False(EntranceCode.Accepts(Key, "binjiang", "12345a", shown));
    }

    [Fact]
    public void LeaveHomeIsTheLowEndOfThePredictedWaitLessTheTravelTimeToTheMinuteAndNeverBeforeNow()
    {
        var now = new DateTimeOffset(2026, 11, 24, 1, 30, 20, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 1, 55, 0, TimeSpan.Zero), LeaveHome.By(now, 45.5, 20));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 1, 30, 0, TimeSpan.Zero), LeaveHome.By(now, 15, 30)); // leave now
        Assert.Null(LeaveHome.By(now, null, 30)); // no window serves the line: no advice
        Assert.Null(LeaveHome.By(now, 40, null));
    }

    [Fact]
    public void ARemoteTicketAwaitsArrivalWithItsLeaveHomeTimeUntilItChecksInOnce()
    {
        var line = Line(Morning);
        line.Issue(Kiosk());
        line.Issue(Kiosk());
        var remote = line.Issue(Remote(travel: 10));

        var snapshot = line.Snapshot(remote, servingWindows: 1); // two ahead × 10 minutes = 20 minutes
        Assert.True(snapshot.AwaitingArrival);
        Assert.Equal(Morning.AddMinutes(10), snapshot.LeaveHomeBy);
        Assert.Equal(10, snapshot.TravelMinutes);

        var arrived = Line(Morning.AddMinutes(15)).Arrive(remote.TicketId);
        Assert.Equal(Morning.AddMinutes(15), arrived.ArrivedAt);
        var after = Line(Morning.AddMinutes(15)).Snapshot(arrived, 1);
        Assert.False(after.AwaitingArrival);
        Assert.Null(after.LeaveHomeBy);
        Assert.Single(_state.PendingEvents, e => e.Kind == HallEventKind.TicketArrived && e.TicketId == remote.TicketId && e.Channel == IssueChannel.Remote);

        var again = Assert.Throws<QueueRuleException>(() => Line(Morning.AddMinutes(16)).Arrive(remote.TicketId));
        Assert.Equal(("already-arrived", ProblemKind.Conflict), (again.Code, again.Kind));
    }

    [Fact]
    public void ATicketTakenInTheHallNeedsNoCheckInAndAFinishedOneCannotCheckIn()
    {
        var line = Line(Morning);
        var kiosk = line.Issue(Kiosk());
        var notRemote = Assert.Throws<QueueRuleException>(() => line.Arrive(kiosk.TicketId));
        Assert.Equal(("not-remote", ProblemKind.Unprocessable), (notRemote.Code, notRemote.Kind));
        Assert.False(line.Snapshot(kiosk, 1).AwaitingArrival);

        var remote = line.Issue(Remote(travel: 0));
        line.Cancel(remote.TicketId);
        var cancelled = Assert.Throws<QueueRuleException>(() => line.Arrive(remote.TicketId));
        Assert.Equal(("wrong-ticket-state", ProblemKind.Conflict), (cancelled.Code, cancelled.Kind));
    }

    [Fact]
    public void ARemoteTicketCalledBeforeArrivalGoesToNoShowByTheUsualRecallsAndMayThenCheckInAndRejoinOnce()
    {
        var line = Line(Morning);
        var remote = line.Issue(Remote(travel: 30));
        Assert.NotNull(line.Claim(remote.TicketId, 1));
        Assert.True(line.Snapshot(remote, 0).AwaitingArrival); // the window shows 未到厅

        Assert.Equal("recall-first", Assert.Throws<QueueRuleException>(() => line.NoShow(remote.TicketId, 1)).Code);
        line.Recall(remote.TicketId, 1);
        line.Recall(remote.TicketId, 1);
        Assert.Equal(TicketStatus.NoShow, line.NoShow(remote.TicketId, 1).Status);

        Assert.NotNull(line.Arrive(remote.TicketId).ArrivedAt);
        Assert.Equal(TicketStatus.Waiting, line.Rejoin(remote.TicketId).Status);
        Assert.False(line.Snapshot(remote, 1).AwaitingArrival);
    }

    [Fact]
    public void ATicketsHistoryKnowsWhenARemoteTicketArrived()
    {
        var line = Line(Morning);
        var remote = line.Issue(Remote(travel: 5));
        Line(Morning.AddMinutes(20)).Arrive(remote.TicketId);
        var events = _state.PendingEvents.Select((e, i) => e with { Sequence = i + 1 }).ToList();

        var waiting = TicketHistory.Rebuild(events.Take(1).ToList(), HallConfig.DefaultTimeZone)!;
        var arrived = TicketHistory.Rebuild(events, HallConfig.DefaultTimeZone)!;

        Assert.True(waiting.AwaitingArrival);
        Assert.Equal((false, Morning.AddMinutes(20)), (arrived.AwaitingArrival, arrived.ArrivedAt));
    }

    private RemoteTicketRules Rules(DateTimeOffset now)
    {
        var rules = new RemoteTicketRules(_ledger, RemoteTicketLimits.Default, now, HallConfig.DefaultTimeZone);
        rules.EnsureDay();
        return rules;
    }

    private ThemeLine Line(DateTimeOffset now)
    {
        var line = new ThemeLine(_state, Context, now);
        line.EnsureDay();
        return line;
    }

    private static IssueTicket Kiosk() => new(IssueChannel.Kiosk, PriorityClass.Normal, null);

    private static IssueTicket Remote(int travel) => new(IssueChannel.Remote, PriorityClass.Normal, null, "c1:abc", null, travel);
}

using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

public sealed class ThemeLineTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 1, 30, 0, TimeSpan.Zero); // 09:30 in Shanghai
    private static readonly ThemeContext Context = new("h", HallConfig.DefaultTimeZone, new ThemeConfig("BDC", "不动产登记", "Real estate", "A", "z"), RoutingPolicy.Default);

    private readonly ThemeQueueState _state = new();

    [Fact]
    public void NumbersCarryTheThemesPrefixAndCountUpWithinTheDay()
    {
        var numbers = Enumerable.Range(0, 3).Select(i => Line(Morning.AddMinutes(i)).Issue(Normal()).DisplayNumber);
        Assert.Equal(["A001", "A002", "A003"], numbers);
    }

    [Fact]
    public void NumberingRestartsAtTheBusinessDayBoundaryInShanghaiAndYesterdaysTicketsExpire()
    {
        var yesterday = Line(Morning).Issue(Normal());
        var beforeMidnight = Line(new DateTimeOffset(2026, 11, 24, 15, 59, 0, TimeSpan.Zero)).Issue(Normal()); // 23:59 Shanghai
        Assert.Equal("A002", beforeMidnight.DisplayNumber);

        var line = Line(new DateTimeOffset(2026, 11, 24, 16, 1, 0, TimeSpan.Zero)); // 00:01 the next day in Shanghai
        var today = line.Issue(Normal());
        Assert.Equal("A001", today.DisplayNumber);
        Assert.Equal(new DateOnly(2026, 11, 25), today.BusinessDay);
        Assert.Equal(2, _state.PendingEvents.Count(e => e.Kind == HallEventKind.TicketExpired));
        Assert.Contains(_state.PendingEvents, e => e.Kind == HallEventKind.TicketExpired && e.TicketId == yesterday.TicketId);
        Assert.Single(_state.Tickets);
    }

    [Fact]
    public void AnIdChosenBeforeTheIssueIsTheTicketsOnlyWhenItIsAnUnusedIdOfThisTheme()
    {
        var chosen = GrainKeys.NewTicketId("h", "BDC");
        Assert.Equal(chosen, Line(Morning).Issue(Normal() with { TicketId = chosen }).TicketId);
        Assert.Equal(chosen, Assert.Single(_state.PendingEvents, e => e.Kind == HallEventKind.TicketIssued).TicketId);

        Assert.NotEqual(chosen, Line(Morning).Issue(Normal() with { TicketId = chosen }).TicketId); // used already
        var otherTheme = GrainKeys.NewTicketId("h", "GJJ");
        Assert.NotEqual(otherTheme, Line(Morning).Issue(Normal() with { TicketId = otherTheme }).TicketId);
        var otherHall = GrainKeys.NewTicketId("x", "BDC");
        Assert.NotEqual(otherHall, Line(Morning).Issue(Normal() with { TicketId = otherHall }).TicketId);
        Assert.NotEqual("h.BDC.short", Line(Morning).Issue(Normal() with { TicketId = "h.BDC.short" }).TicketId);
        Assert.Equal(5, _state.Tickets.Count);
    }

    [Fact]
    public void ARepeatedRequestIdReturnsTheSameTicket()
    {
        var first = Line(Morning).Issue(Normal("kiosk-7-0001"));
        var again = Line(Morning.AddSeconds(2)).Issue(Normal("kiosk-7-0001"));
        Assert.Same(first, again);
        Assert.Single(_state.Tickets);
        Assert.Single(_state.PendingEvents, e => e.Kind == HallEventKind.TicketIssued);
    }

    [Fact]
    public void PeopleAheadCountsPriorityTicketsAndEarlierTickets()
    {
        var line = Line(Morning);
        var first = line.Issue(Normal());
        var second = line.Issue(Normal());
        var green = line.Issue(new IssueTicket(IssueChannel.Staff, PriorityClass.GreenChannel, null));
        Assert.Equal(1, line.PeopleAhead(first));
        Assert.Equal(2, line.PeopleAhead(second));
        Assert.Equal(0, line.PeopleAhead(green));
    }

    [Fact]
    public void PeopleAheadAndTheLineFollowTheOrderOfCallsGreenChannelBeforeAppointments()
    {
        var line = Line(Morning);
        var appointment = line.Issue(new IssueTicket(IssueChannel.Appointment, PriorityClass.Appointment, null));
        var normal = line.Issue(Normal());
        var green = line.Issue(new IssueTicket(IssueChannel.Staff, PriorityClass.GreenChannel, null));

        Assert.Equal((0, 1, 2), (line.PeopleAhead(green), line.PeopleAhead(appointment), line.PeopleAhead(normal)));
        Assert.Equal([green.DisplayNumber, appointment.DisplayNumber, normal.DisplayNumber], line.Line(servingWindows: 1).Waiting.ToArray());
    }

    [Fact]
    public void ANoShowNeedsTheConfiguredRecallsFirst()
    {
        var ticket = Called(out var line);
        var refused = Assert.Throws<QueueRuleException>(() => line.NoShow(ticket.TicketId, 1));
        Assert.Equal("recall-first", refused.Code);
        line.Recall(ticket.TicketId, 1);
        line.Recall(ticket.TicketId, 1);
        Assert.Equal(TicketStatus.NoShow, line.NoShow(ticket.TicketId, 1).Status);
    }

    [Fact]
    public void ANoShowRejoinsOnceBehindThePenaltyNumberOfWaitingTickets()
    {
        var ticket = Called(out var line);
        var others = Enumerable.Range(0, 5).Select(_ => line.Issue(Normal())).ToList();
        line.Recall(ticket.TicketId, 1);
        line.Recall(ticket.TicketId, 1);
        line.NoShow(ticket.TicketId, 1);

        var rejoined = Line(Morning.AddMinutes(20)).Rejoin(ticket.TicketId);
        Assert.Equal(TicketStatus.Waiting, rejoined.Status);
        Assert.Equal(RoutingPolicy.Default.NoShowRejoinPenalty, Line(Morning.AddMinutes(20)).PeopleAhead(rejoined));
        var again = Assert.Throws<QueueRuleException>(() => Line(Morning.AddMinutes(21)).Rejoin(ticket.TicketId));
        Assert.Equal("wrong-ticket-state", again.Code);
        Assert.Equal(5, others.Count);
    }

    [Fact]
    public void ASecondNoShowCannotRejoin()
    {
        var ticket = Called(out var line);
        line.Recall(ticket.TicketId, 1);
        line.Recall(ticket.TicketId, 1);
        line.NoShow(ticket.TicketId, 1);
        line.Rejoin(ticket.TicketId);
        Assert.NotNull(line.Claim(ticket.TicketId, 2));
        line.Recall(ticket.TicketId, 2);
        line.Recall(ticket.TicketId, 2);
        line.NoShow(ticket.TicketId, 2);
        Assert.Equal("rejoin-once", Assert.Throws<QueueRuleException>(() => line.Rejoin(ticket.TicketId)).Code);
    }

    [Fact]
    public void AHeldTicketResumesDirectedToTheWindowThatHeldIt()
    {
        var ticket = Called(out var line);
        line.StartService(ticket.TicketId, 1);
        line.Hold(ticket.TicketId, 1, "缺少房产证复印件");
        Assert.Equal(TicketStatus.OnHold, ticket.Status);
        Assert.Empty(line.Candidates(1));

        var resumed = line.ResumeHold(ticket.TicketId);
        Assert.Equal(TicketStatus.Waiting, resumed.Status);
        Assert.Equal(1, resumed.DirectedToWindow);
        Assert.Null(line.Claim(ticket.TicketId, 2));
        Assert.True(Assert.Single(line.Candidates(1)).DirectedToWindow);
        Assert.NotNull(line.Claim(ticket.TicketId, 1));
    }

    [Fact]
    public void ATicketIsClaimedByOneWindowOnly()
    {
        var line = Line(Morning);
        var ticket = line.Issue(Normal());
        Assert.NotNull(line.Claim(ticket.TicketId, 1));
        Assert.Null(line.Claim(ticket.TicketId, 2));
        Assert.Equal(1, ticket.WindowNo);
    }

    [Fact]
    public void CompletingATicketThatWasNeverCalledIsRefused()
    {
        var line = Line(Morning);
        var ticket = line.Issue(Normal());
        var refused = Assert.Throws<QueueRuleException>(() => line.Complete(ticket.TicketId, 1, new CompleteService(ServiceOutcome.Done, null)));
        Assert.Equal(ProblemKind.Conflict, refused.Kind);
        Assert.Equal(TicketStatus.Waiting, ticket.Status);
    }

    [Fact]
    public void CompletedServiceTimesFeedTheRollingAverage()
    {
        var ticket = Called(out var line);
        line.StartService(ticket.TicketId, 1);
        Line(Morning.AddMinutes(25)).Complete(ticket.TicketId, 1, new CompleteService(ServiceOutcome.Done, null));
        Assert.Equal(25, Line(Morning.AddMinutes(25)).AverageServiceMinutes);
    }

    [Fact]
    public void OnlyWaitingOrHeldTicketsCanBeCancelled()
    {
        var ticket = Called(out var line);
        Assert.Equal("wrong-ticket-state", Assert.Throws<QueueRuleException>(() => line.Cancel(ticket.TicketId)).Code);
        var waiting = line.Issue(Normal());
        Assert.Equal(TicketStatus.Cancelled, line.Cancel(waiting.TicketId).Status);
    }

    [Fact]
    public void TransferOutKeepsTheOriginalIssueTimeAndWaitsForConfirmation()
    {
        var ticket = Called(out var line);
        var moving = line.TransferOut(ticket.TicketId, 1, "SW", null, "需先缴税");
        Assert.Equal(ticket.IssuedAt, moving.IssuedAt);
        Assert.Equal(ticket.WaitingSince, moving.WaitingSince);
        Assert.Equal(TicketStatus.Transferred, ticket.Status);
        Assert.True(_state.PendingTransfers.ContainsKey(ticket.TicketId));
        line.TransferDelivered(ticket.TicketId);
        Assert.Empty(_state.PendingTransfers);
    }

    [Fact]
    public void AcceptingTheSameTransferTwiceAddsTheTicketOnce()
    {
        var ticket = Called(out var line);
        var moving = line.TransferOut(ticket.TicketId, 1, "SW", null, null);
        var swState = new ThemeQueueState();
        var sw = new ThemeLine(swState, Context with { Theme = Context.Theme with { Code = "SW", Prefix = "C" } }, Morning.AddMinutes(1));
        sw.EnsureDay();
        var first = sw.AcceptTransfer(moving);
        var second = sw.AcceptTransfer(moving);
        Assert.Same(first, second);
        Assert.Single(swState.Tickets);
        Assert.Equal("A001", first!.DisplayNumber);
        Assert.Equal("BDC", first.TransferredFrom);
    }

    [Fact]
    public void ALateRedeliveryOfAnOldTransferDoesNotBringBackATicketThatHasMovedOn()
    {
        var ticket = Called(out var line);
        var moving = line.TransferOut(ticket.TicketId, 1, "SW", null, null);
        var swState = new ThemeQueueState();
        var swContext = Context with { Theme = Context.Theme with { Code = "SW", Prefix = "C" } };
        var sw = new ThemeLine(swState, swContext, Morning.AddMinutes(1));
        sw.EnsureDay();
        Assert.NotNull(sw.AcceptTransfer(moving));
        Assert.NotNull(sw.Claim(ticket.TicketId, 2));
        sw.TransferOut(ticket.TicketId, 2, "QYKB", null, null); // on to a third theme

        var late = sw.AcceptTransfer(moving); // the first theme's retry timer, racing its confirmation

        Assert.Equal(TicketStatus.Transferred, late!.Status);
        Assert.Empty(swState.Tickets);
        Assert.Empty(sw.Candidates(3));
    }

    [Fact]
    public void ATicketMayComeBackToAThemeByANewTransfer()
    {
        var ticket = Called(out var line);
        var first = line.TransferOut(ticket.TicketId, 1, "SW", null, null);
        var sw = new ThemeLine(new ThemeQueueState(), Context with { Theme = Context.Theme with { Code = "SW", Prefix = "C" } }, Morning.AddMinutes(1));
        sw.EnsureDay();
        sw.AcceptTransfer(first);
        sw.Claim(ticket.TicketId, 2);
        var back = sw.TransferOut(ticket.TicketId, 2, "BDC", null, null);

        var returned = line.AcceptTransfer(back);

        Assert.Equal(TicketStatus.Waiting, returned!.Status);
        Assert.Equal(ticket.TicketId, Assert.Single(line.Candidates(1)).TicketId);
    }

    private TicketRecord Called(out ThemeLine line)
    {
        line = Line(Morning);
        var ticket = line.Issue(Normal());
        Assert.NotNull(line.Claim(ticket.TicketId, 1));
        return ticket;
    }

    [Fact]
    public void AnAppointmentCheckedInBeforeItsSlotWaitsFromTheSlotsStart()
    {
        var slot = Morning.AddMinutes(20);
        var early = Line(Morning).Issue(new IssueTicket(IssueChannel.Appointment, PriorityClass.Appointment, null, WaitFrom: slot));
        Assert.Equal((slot, slot, Morning), (early.WaitingSince, early.QueuedAt, early.IssuedAt));
        var late = Line(Morning).Issue(new IssueTicket(IssueChannel.Appointment, PriorityClass.Appointment, null, WaitFrom: Morning.AddMinutes(-10)));
        Assert.Equal(Morning, late.QueuedAt); // checked in after its slot began: from the check-in

        Line(Morning.AddMinutes(5)).Claim(early.TicketId, 1); // called before the slot: no wait counted
        Line(Morning.AddMinutes(32)).Claim(late.TicketId, 1);
        Assert.Equal([0.0, 32 * 60.0], _state.PendingEvents.Where(e => e.Kind == HallEventKind.TicketCalled).Select(e => e.WaitSeconds!.Value));
    }

    [Fact]
    public void ALineClosedAgainAndAgainWithinOneDayRemembersOnlyItsMostRecentFinishedTickets()
    {
        var first = Line(Morning).Issue(Normal("first"));
        Line(Morning).CloseDay();
        Assert.Same(first, Line(Morning).Lookup(first.TicketId)); // finished this activation: answered from memory

        for (var round = 0; round < 3; round++)
        {
            var line = Line(Morning.AddMinutes(round + 1));
            for (var i = 0; i < FinishedTickets.Capacity / 2; i++)
            {
                line.Issue(Normal());
            }

            line.CloseDay();
        }

        Assert.InRange(_state.Finished.Count, FinishedTickets.Capacity / 2, FinishedTickets.Capacity);
        Assert.Null(Line(Morning.AddMinutes(5)).Lookup(first.TicketId)); // forgotten: the journal answers, as after a restart
        var latest = _state.PendingEvents.Last(e => e.Kind == HallEventKind.TicketExpired).TicketId!;
        Assert.Equal(TicketStatus.Expired, Line(Morning.AddMinutes(5)).Lookup(latest)?.Status);
        Assert.Throws<RetiredTicketException>(() => Line(Morning.AddMinutes(5)).Issue(Normal("first"))); // its retry is answered from the journal
    }

    private ThemeLine Line(DateTimeOffset now)
    {
        var line = new ThemeLine(_state, Context, now);
        line.EnsureDay();
        return line;
    }

    private static IssueTicket Normal(string? requestId = null) => new(IssueChannel.Kiosk, PriorityClass.Normal, requestId);
}

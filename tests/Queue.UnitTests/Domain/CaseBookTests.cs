using Queue.Contracts.Cases;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Domain.Cases;
using Queue.TestSupport;

namespace Queue.UnitTests.Domain;

/// <summary>The case book on fixed instants (a fake clock): deadlines in working days over holidays and 调休, overdue, status moves, opening once.</summary>
public sealed class CaseBookTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static readonly HallConfig Plain = TestHalls.Small("cases-unit", ["AA", "BB"], WindowProfile.Dedicated("AA"));

    /// <summary>The same hall with a calendar (Monday to Friday) over the shipped 2026 holidays.</summary>
    private static readonly HallConfig Calendared = Plain with
    {
        Calendar = HallCalendar.Weekly([.. Enumerable.Range(1, 5).Select(d => new OpeningPeriod((DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(17, 0)))]),
    };

    [Fact]
    public void AFollowUpOpenedBeforeMayDayCountsFiveWorkingDaysPastTheHolidayAndThe调休Saturday()
    {
        // 2026-04-30 is a Thursday; 1–5 May are closed; Saturday 9 May is a 调休 working day.
        var book = new CaseBook(new CaseBookState(), Calendared, At(2026, 4, 30, 10, 0));
        Assert.Equal(new DateOnly(2026, 5, 11), book.Deadline(CaseKind.FollowUp, At(2026, 4, 30, 10, 0)));
        Assert.Equal(new DateOnly(2026, 5, 8), book.Deadline(CaseKind.NotDone, At(2026, 4, 30, 10, 0)));
        var calendar = new OpeningCalendar(Calendared);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 5, 9)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 5, 4)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 5, 10)));
    }

    [Fact]
    public void WithoutACalendarWorkingDaysAreMondayToFriday()
    {
        var book = new CaseBook(new CaseBookState(), Plain, At(2026, 4, 30, 10, 0));
        Assert.Equal(new DateOnly(2026, 5, 7), book.Deadline(CaseKind.FollowUp, At(2026, 4, 30, 10, 0)));
        Assert.Equal(new DateOnly(2026, 12, 14), book.Deadline(CaseKind.NotDone, At(2026, 12, 9, 23, 30)));
    }

    [Fact]
    public void ARealName差评OpensOneFollowUpAndAnAnonymousOneOrAGoodRatingNone()
    {
        var state = new CaseBookState();
        var book = new CaseBook(state, Calendared, At(2026, 4, 30, 10, 5));
        var opened = book.Read(
        [
            Rated(1, "t-anon", 1, realName: false),
            Rated(2, "t-real", 2, realName: true),
            Rated(3, "t-happy", 5, realName: true),
            Rated(4, "t-real", 1, realName: true), // the same ticket again (a replayed event): no second case
        ]);
        Assert.Equal(1, opened);
        var only = Assert.Single(state.Cases);
        Assert.Equal(("t-real", CaseKind.FollowUp, CaseStatus.Pending, 2, "太慢了", "张*"), (only.TicketId, only.Kind, only.Status, only.Level, only.Comment, only.CitizenName));
        Assert.Equal(4, state.Cursor);
        var journaled = Assert.Single(state.PendingEvents);
        Assert.Equal((HallEventKind.CaseOpened, only.CaseId, CaseKind.FollowUp, CaseStatus.Pending), (journaled.Kind, journaled.CaseId, journaled.CaseKind, journaled.CaseStatus));

        // Read again from the start: the cursor is past every event.
        Assert.Equal(0, new CaseBook(state, Calendared, At(2026, 4, 30, 11, 0)).Read([Rated(2, "t-real", 2, realName: true)]));
        Assert.Single(state.Cases);
    }

    [Fact]
    public void ANotDoneOpensACaseWithItsReasonAndItsStaff()
    {
        var state = new CaseBookState();
        new CaseBook(state, Plain, At(2026, 12, 7, 10, 0)).Read(
        [
            new HallEvent("cases-unit", 7, At(2026, 12, 7, 9, 0), HallEventKind.ServiceCompleted, "t-nd", "A007", "AA", 3, Outcome: ServiceOutcome.NotDone, Reason: "缺少身份证", StaffId: "s-li"),
            new HallEvent("cases-unit", 8, At(2026, 12, 7, 9, 5), HallEventKind.ServiceCompleted, "t-ok", "A008", "AA", 3, Outcome: ServiceOutcome.Done, StaffId: "s-li"),
        ]);
        var only = Assert.Single(state.Cases);
        Assert.Equal((CaseKind.NotDone, CaseStatus.Open, "缺少身份证", "s-li", 3, new DateOnly(2026, 12, 10)), (only.Kind, only.Status, only.Comment, only.StaffId, only.WindowNo, only.Deadline));
    }

    [Fact]
    public void A差评CasePastItsDeadlineIsOverdueUntilItIsClosed()
    {
        var state = new CaseBookState();
        new CaseBook(state, Calendared, At(2026, 4, 30, 10, 5)).Read([Rated(1, "t-real", 1, realName: true)]);
        var id = state.Cases[0].CaseId;

        var onTheLastDay = new CaseBook(state, Calendared, At(2026, 5, 11, 23, 0)).Get(id);
        Assert.Equal((new DateOnly(2026, 5, 11), false, 0), (onTheLastDay.Deadline, onTheLastDay.Overdue, onTheLastDay.DaysOverdue));

        var late = new CaseBook(state, Calendared, At(2026, 5, 13, 9, 0));
        Assert.Equal((true, 2), (late.Get(id).Overdue, late.Get(id).DaysOverdue));
        Assert.Equal(new CaseCounts("cases-unit", 1, 1, 0, 0), late.Counts());
        Assert.Equal(1, late.List(new CaseQuery(Overdue: true)).Matching);
        Assert.Equal(0, late.List(new CaseQuery(Overdue: false)).Matching);

        late.Update(id, new CaseUpdate("mgr", CaseStatus.CalledBack, Assignee: "王科长", Note: "已电话回访"));
        late.Update(id, new CaseUpdate("mgr", CaseStatus.Closed));
        var closed = late.Get(id);
        Assert.Equal((CaseStatus.Closed, false, 0, "王科长"), (closed.Status, closed.Overdue, closed.DaysOverdue, closed.Assignee));
        Assert.Equal([CaseStatus.Pending, CaseStatus.CalledBack, CaseStatus.Closed], closed.History.Select(h => h.Status!.Value));
        Assert.Equal(["system", "mgr", "mgr"], closed.History.Select(h => h.By));
        Assert.Equal("已电话回访", closed.History[1].Note);
        Assert.Equal(At(2026, 5, 13, 9, 0), closed.ClosedAt);
    }

    [Theory]
    [InlineData(CaseKind.FollowUp, CaseStatus.Pending, CaseStatus.CalledBack, true)]
    [InlineData(CaseKind.FollowUp, CaseStatus.Pending, CaseStatus.Rectifying, false)]
    [InlineData(CaseKind.FollowUp, CaseStatus.Pending, CaseStatus.Closed, false)]
    [InlineData(CaseKind.FollowUp, CaseStatus.CalledBack, CaseStatus.Rectifying, true)]
    [InlineData(CaseKind.FollowUp, CaseStatus.Rectifying, CaseStatus.Closed, true)]
    [InlineData(CaseKind.FollowUp, CaseStatus.Closed, CaseStatus.Pending, false)]
    [InlineData(CaseKind.FollowUp, CaseStatus.Pending, CaseStatus.Referred, false)]
    [InlineData(CaseKind.FollowUp, CaseStatus.Pending, CaseStatus.Pending, true)]
    [InlineData(CaseKind.NotDone, CaseStatus.Open, CaseStatus.DoneOnSpot, true)]
    [InlineData(CaseKind.NotDone, CaseStatus.Open, CaseStatus.Referred, true)]
    [InlineData(CaseKind.NotDone, CaseStatus.Referred, CaseStatus.Answered, true)]
    [InlineData(CaseKind.NotDone, CaseStatus.Answered, CaseStatus.Referred, false)]
    [InlineData(CaseKind.NotDone, CaseStatus.Open, CaseStatus.CalledBack, false)]
    [InlineData(CaseKind.NotDone, CaseStatus.Closed, CaseStatus.Open, false)]
    [InlineData(CaseKind.NotDone, CaseStatus.Open, CaseStatus.Pending, false)]
    public void StatusMovesFollowTheirKind(CaseKind kind, CaseStatus from, CaseStatus to, bool allowed) =>
        Assert.Equal(allowed, CaseRules.Allows(kind, from, to));

    [Fact]
    public void AnIllegalMoveIsRefusedWith409InBothLanguagesAndChangesNothing()
    {
        var state = new CaseBookState();
        var book = new CaseBook(state, Plain, At(2026, 12, 7, 10, 0));
        book.Read([Rated(1, "t-real", 1, realName: true)]);
        var id = state.Cases[0].CaseId;
        state.PendingEvents.Clear();
        var refused = Assert.Throws<QueueRuleException>(() => book.Update(id, new CaseUpdate("mgr", CaseStatus.Rectifying, Note: "跳过回访")));
        Assert.Equal(("case-transition", ProblemKind.Conflict), (refused.Code, refused.Kind));
        Assert.Equal($"案件 {id} 不能从“待回访”改为“整改中”", refused.MessageZh);
        Assert.Equal($"Case {id} cannot go from awaiting call-back to rectifying", refused.MessageEn);
        Assert.Equal((CaseStatus.Pending, 1), (state.Cases[0].Status, state.Cases[0].History.Count));
        Assert.Empty(state.PendingEvents);
        Assert.Equal("case-not-found", Assert.Throws<QueueRuleException>(() => book.Get("C99999")).Code);
    }

    [Fact]
    public void FiltersPickKindThemeWindowStaffAndDatesAndPageNewestFirst()
    {
        var state = new CaseBookState();
        var book = new CaseBook(state, Plain, At(2026, 12, 9, 18, 0));
        book.Read(
        [
            Rated(1, "t1", 1, realName: true, at: At(2026, 12, 7, 10, 0)),
            new HallEvent("cases-unit", 2, At(2026, 12, 8, 10, 0), HallEventKind.ServiceCompleted, "t2", "B002", "BB", 2, Outcome: ServiceOutcome.NotDone, StaffId: "s-b"),
            new HallEvent("cases-unit", 3, At(2026, 12, 9, 10, 0), HallEventKind.ServiceCompleted, "t3", "A003", "AA", 1, Outcome: ServiceOutcome.NotDone, StaffId: "s-a"),
        ]);
        Assert.Equal(["t3", "t2", "t1"], book.List(new CaseQuery()).Items.Select(c => TicketOf(state, c.CaseId)));
        Assert.Equal(["t3", "t2"], book.List(new CaseQuery(Kind: CaseKind.NotDone)).Items.Select(c => TicketOf(state, c.CaseId)));
        Assert.Equal(["t2"], book.List(new CaseQuery(ThemeCode: "BB")).Items.Select(c => TicketOf(state, c.CaseId)));
        Assert.Equal(["t3"], book.List(new CaseQuery(WindowNo: 1)).Items.Select(c => TicketOf(state, c.CaseId)));
        Assert.Equal(["t2"], book.List(new CaseQuery(StaffId: "s-b")).Items.Select(c => TicketOf(state, c.CaseId)));
        Assert.Equal(["t2", "t1"], book.List(new CaseQuery(From: new DateOnly(2026, 12, 7), To: new DateOnly(2026, 12, 8))).Items.Select(c => TicketOf(state, c.CaseId)));
        var page = book.List(new CaseQuery(Offset: 1, Limit: 1));
        Assert.Equal((3, "t2"), (page.Matching, TicketOf(state, Assert.Single(page.Items).CaseId)));
    }

    private static string TicketOf(CaseBookState state, string caseId) => state.Cases.Single(c => c.CaseId == caseId).TicketId;

    private static HallEvent Rated(long sequence, string ticketId, int level, bool realName, DateTimeOffset? at = null) => new(
        "cases-unit", sequence, at ?? At(2026, 4, 30, 10, 0), HallEventKind.TicketRated, ticketId, "A001", "AA", 2, Rating: level, Reason: "太慢了",
        StaffId: "s-wang", CitizenName: "张*", RealName: realName ? true : null);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, Shanghai);
}

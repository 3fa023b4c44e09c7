using Queue.Contracts;
using Queue.Contracts.Cases;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;

namespace Queue.GrainTests.Cases;

/// <summary>
/// The case book reads the journal: a real-name 差评 opens exactly one follow-up, before and after a restart; an anonymous
/// 差评 opens none; a 没办成 opens a case. Its own cluster, because it restarts and moves the clock.
/// </summary>
public sealed class HallCasesGrainTests : IAsyncLifetime
{
    private readonly QueueClusterFixture _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task ARealName差评OpensExactlyOneFollowUpAlsoAfterARestartAndAnAnonymousOneNone()
    {
        const string hall = "cases-grain";
        await _cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(TestHalls.Small(hall, ["BDC"], WindowProfile.Dedicated("BDC")));
        await Window(hall).SignInAsync(new SignIn("wangwu", "王五"));
        var real = await Serve(hall, "key-1", "张*", ServiceOutcome.Done);
        var anonymous = await Serve(hall, null, null, ServiceOutcome.NotDone, "缺少身份证原件");
        await Ticket(real).RateAsync(new RateService(1, "等太久"));
        await Ticket(anonymous).RateAsync(new RateService(2, "白跑一趟"));

        var cases = await Cases(hall).ListAsync(new CaseQuery());
        Assert.Equal(2, cases.Matching);
        var followUp = Assert.Single(cases.Items, c => c.Kind == CaseKind.FollowUp);
        Assert.Equal(("A001", 1, "等太久", "张*", "wangwu", CaseStatus.Pending), (followUp.DisplayNumber, followUp.Level, followUp.Comment, followUp.CitizenName, followUp.StaffId, followUp.Status));
        var notDone = Assert.Single(cases.Items, c => c.Kind == CaseKind.NotDone);
        Assert.Equal(("A002", "缺少身份证原件", "wangwu", CaseStatus.Open), (notDone.DisplayNumber, notDone.Comment, notDone.StaffId, notDone.Status));
        Assert.Equal(0, await Cases(hall).CatchUpAsync());

        await _cluster.RestartAsync();
        Assert.Equal(0, await Cases(hall).CatchUpAsync());
        Assert.Equal(2, (await Cases(hall).ListAsync(new CaseQuery())).Matching);
        var journal = await _cluster.Grains.GetGrain<IHallGrain>(hall).GetEventsAsync(0, 1000);
        Assert.Equal(2, journal.Count(e => e.Kind == HallEventKind.CaseOpened));
        Assert.Equal(followUp.CaseId, Assert.Single(journal, e => e is { Kind: HallEventKind.CaseOpened, CaseKind: CaseKind.FollowUp }).CaseId);
    }

    [Fact]
    public async Task AnOverdueCaseIsCountedAndItsChangesAreJournaledAndSurviveARestart()
    {
        const string hall = "cases-overdue";
        await _cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(TestHalls.Small(hall, ["BDC"], WindowProfile.Dedicated("BDC")));
        await Window(hall).SignInAsync(new SignIn("lisi", "李四"));
        await Serve(hall, null, null, ServiceOutcome.NotDone, "材料不全");
        var opened = Assert.Single((await Cases(hall).ListAsync(new CaseQuery())).Items);
        Assert.False(opened.Overdue);

        _cluster.Clock.Advance(TimeSpan.FromDays(8)); // Tuesday 24 Nov + 3 working days = Friday 27 Nov; now Wednesday 2 Dec
        Assert.Equal(new CaseCounts(hall, 0, 0, 1, 1), await Cases(hall).GetCountsAsync());
        var late = await Cases(hall).GetAsync(opened.CaseId);
        Assert.Equal((new DateOnly(2026, 11, 27), true, 5), (late.Deadline, late.Overdue, late.DaysOverdue));

        await Cases(hall).UpdateAsync(opened.CaseId, new CaseUpdate("mgr-1", CaseStatus.Referred, Assignee: "赵六", Department: "投诉代办窗口", Note: "转投诉代办"));
        await _cluster.RestartAsync();
        var after = await Cases(hall).GetAsync(opened.CaseId);
        Assert.Equal((CaseStatus.Referred, "赵六", "投诉代办窗口", true), (after.Status, after.Assignee, after.Department, after.Overdue));
        Assert.Equal("转投诉代办", after.History[^1].Note);
        var updated = Assert.Single(await _cluster.Grains.GetGrain<IHallGrain>(hall).GetEventsAsync(0, 1000), e => e.Kind == HallEventKind.CaseUpdated);
        Assert.Equal((opened.CaseId, CaseStatus.Referred, "赵六", "mgr-1"), (updated.CaseId, updated.CaseStatus, updated.CaseAssignee, updated.StaffId));

        var refused = await Assert.ThrowsAsync<QueueRuleException>(() => Cases(hall).UpdateAsync(opened.CaseId, new CaseUpdate("mgr-1", CaseStatus.DoneOnSpot)));
        Assert.Equal("case-transition", refused.Code);
    }

    private async Task<string> Serve(string hall, string? citizenKey, string? name, ServiceOutcome outcome, string? reason = null)
    {
        var ticket = await _cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hall, "BDC"))
            .IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null, citizenKey, name));
        await Window(hall).CallNextAsync();
        await Window(hall).StartServiceAsync();
        await Window(hall).CompleteAsync(new CompleteService(outcome, reason));
        return ticket.TicketId;
    }

    private IHallCasesGrain Cases(string hall) => _cluster.Grains.GetGrain<IHallCasesGrain>(hall);

    private ITicketGrain Ticket(string id) => _cluster.Grains.GetGrain<ITicketGrain>(id);

    private IWindowGrain Window(string hall) => _cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hall, 1));
}

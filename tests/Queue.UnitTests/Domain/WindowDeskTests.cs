using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

public sealed class WindowDeskTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 1, 30, 0, TimeSpan.Zero); // 09:30 in Shanghai

    private static readonly HallConfig Hall = new(
        "h", "政务服务中心", "Service centre", HallConfig.DefaultTimeZone, new TimeOnly(9, 0), new TimeOnly(17, 0),
        [new ZoneConfig("z", "一区", "Zone 1")],
        [new ThemeConfig("BDC", "不动产登记", "Real estate", "A", "z"), new ThemeConfig("SB", "社保", "Social security", "B", "z")],
        [new WindowConfig(1, "z", WindowProfile.Dedicated("BDC"), "1号"), new WindowConfig(2, "z", WindowProfile.Comprehensive)],
        RoutingPolicy.Default);

    private static readonly CurrentTicket A001 = new("t-a001", "BDC", "A001", null);

    private readonly WindowDeskState _state = new();

    private WindowDesk Desk(int windowNo = 1) => new(_state, Hall, Hall.FindWindow(windowNo)!);

    private WindowDesk At(WindowState state, CurrentTicket? current = null)
    {
        _state.State = state;
        _state.StaffId = state == WindowState.Closed ? null : "s1";
        _state.StaffName = state == WindowState.Closed ? null : "张三";
        _state.PauseReason = state == WindowState.Paused ? "午休" : null;
        _state.Current = state is WindowState.Calling or WindowState.Serving ? current ?? A001 : null;
        return Desk();
    }

    [Fact]
    public void SigningInOpensAClosedWindowAndJournalsWindowOpenedForTheStaff()
    {
        var change = Desk().SignIn("s1", "张三", Morning);

        Assert.Equal(new WindowState[] { WindowState.Closed, WindowState.Idle }, [change!.From, change.To]);
        Assert.Equal(HallEventKind.WindowOpened, change.Event!.Kind);
        Assert.Equal(("h", 1, "s1", Morning), (change.Event.HallId, change.Event.WindowNo, change.Event.StaffId, change.Event.At));
        Assert.Equal([change.Event], _state.PendingEvents);
        Assert.Equal(("s1", "张三", Morning, 1L), (_state.StaffId, _state.StaffName, _state.Since, _state.Version));
    }

    [Fact]
    public void SigningInAgainAsTheSameStaffChangesNothing()
    {
        var desk = At(WindowState.Idle);

        Assert.Null(desk.SignIn("s1", "张三", Morning));
        Assert.Equal(0, _state.Version);
        Assert.Empty(_state.PendingEvents);
    }

    [Fact]
    public void SigningInWhileAnotherStaffIsSignedInIsRefusedAsWindowOccupied()
    {
        var refused = Assert.Throws<QueueRuleException>(() => At(WindowState.Idle).SignIn("s2", "李四", Morning));

        Assert.Equal(("window-occupied", "1号窗口已由 张三 登录", "Window 1 is signed in by 张三"), (refused.Code, refused.MessageZh, refused.MessageEn));
        Assert.Equal("s1", _state.StaffId);
    }

    [Fact]
    public void SigningOutClosesTheWindowForgetsTheStaffAndNamesWhoLeftInTheEvent()
    {
        var change = At(WindowState.Paused).SignOut(Morning);

        Assert.Equal((WindowState.Paused, WindowState.Closed, HallEventKind.WindowClosed, "s1"), (change.From, change.To, change.Event!.Kind, change.Event.StaffId));
        Assert.Null(change.Event.Reason);
        Assert.Equal((null, null, null), (_state.StaffId, _state.StaffName, _state.PauseReason));
    }

    [Fact]
    public void PausingKeepsTheReasonAndResumingClearsIt()
    {
        var paused = At(WindowState.Idle).Pause("午休", Morning);
        Assert.Equal((WindowState.Paused, HallEventKind.WindowPaused, "午休", "s1"), (paused.To, paused.Event!.Kind, paused.Event.Reason, paused.Event.StaffId));
        Assert.Equal("午休", _state.PauseReason);

        var resumed = Desk().Resume(Morning.AddMinutes(30));
        Assert.Equal((WindowState.Idle, HallEventKind.WindowResumed, (string?)null), (resumed.To, resumed.Event!.Kind, resumed.Event.Reason));
        Assert.Null(_state.PauseReason);
        Assert.Equal((Morning.AddMinutes(30), 2L), (_state.Since, _state.Version));
    }

    [Fact]
    public void ChangingTheProfileKeepsTheWindowsStateAndJournalsTheChange()
    {
        var desk = At(WindowState.Calling);
        var change = desk.SetProfile(WindowProfile.Dedicated("SB"), Morning);

        Assert.Equal((WindowState.Calling, WindowState.Calling, HallEventKind.WindowProfileChanged), (change.From, change.To, change.Event!.Kind));
        Assert.Equal((WindowProfileKind.Dedicated, "SB"), (desk.Profile.Kind, desk.Profile.Themes.Single()));
        Assert.Equal(A001, _state.Current);
    }

    [Fact]
    public void AProfileNamingAnUnknownThemeIsRefusedAndChangesNothing()
    {
        var refused = Assert.Throws<QueueRuleException>(() => At(WindowState.Idle).SetProfile(WindowProfile.Dedicated("XX"), Morning));

        Assert.Equal((ProblemKind.Unprocessable, "window-theme"), (refused.Kind, refused.Code));
        Assert.Null(_state.Profile);
        Assert.Equal(0, _state.Version);
    }

    [Theory]
    [InlineData("sign-out", new[] { WindowState.Idle, WindowState.Paused })]
    [InlineData("pause", new[] { WindowState.Idle })]
    [InlineData("resume", new[] { WindowState.Paused })]
    [InlineData("call", new[] { WindowState.Idle })]
    [InlineData("recall", new[] { WindowState.Calling })]
    [InlineData("start", new[] { WindowState.Calling })]
    [InlineData("no-show", new[] { WindowState.Calling })]
    [InlineData("complete", new[] { WindowState.Serving })]
    [InlineData("hold", new[] { WindowState.Serving })]
    [InlineData("transfer", new[] { WindowState.Calling, WindowState.Serving })]
    public void EachCommandIsAllowedInItsStatesOnlyAndRefusedAsWindowStateInTheOthers(string command, WindowState[] allowed)
    {
        foreach (var state in Enum.GetValues<WindowState>())
        {
            var desk = At(state);
            var version = _state.Version;
            var refused = Record.Exception(() => Run(desk, command));
            if (allowed.Contains(state))
            {
                Assert.Null(refused);
            }
            else
            {
                Assert.Equal("window-state", Assert.IsType<QueueRuleException>(refused).Code);
                Assert.Equal(ProblemKind.Conflict, ((QueueRuleException)refused).Kind);
                Assert.Equal((state, version), (_state.State, _state.Version));
                Assert.Empty(_state.PendingEvents);
            }

            _state.PendingEvents.Clear();
        }
    }

    [Theory]
    [InlineData(WindowState.Closed, "call", "窗口未登录，请先签到", "The window is closed; sign in first")]
    [InlineData(WindowState.Paused, "call", "窗口暂停中，请先恢复", "The window is paused; resume first")]
    [InlineData(WindowState.Calling, "complete", "号票 A001 尚未开始办理", "Ticket A001 has not started service")]
    [InlineData(WindowState.Calling, "hold", "号票 A001 尚未开始办理", "Ticket A001 has not started service")]
    [InlineData(WindowState.Calling, "pause", "请先处理当前号票 A001", "Finish the current ticket A001 first")]
    [InlineData(WindowState.Serving, "call", "请先处理当前号票 A001", "Finish the current ticket A001 first")]
    [InlineData(WindowState.Serving, "no-show", "请先处理当前号票 A001", "Finish the current ticket A001 first")]
    [InlineData(WindowState.Idle, "recall", "窗口当前没有号票", "The window has no ticket now")]
    [InlineData(WindowState.Idle, "transfer", "窗口当前没有号票", "The window has no ticket now")]
    public void ARefusalSaysWhatTheWindowMustDoFirst(WindowState state, string command, string zh, string en)
    {
        var refused = Assert.Throws<QueueRuleException>(() => Run(At(state), command));

        Assert.Equal(("window-state", zh, en), (refused.Code, refused.MessageZh, refused.MessageEn));
    }

    [Fact]
    public void CallingAsksTheProfilesThemesInOrderAndOnlyThoseTheHallHas()
    {
        Assert.Equal(["BDC"], At(WindowState.Idle).BeginCall());
        _state.Profile = new WindowProfile(WindowProfileKind.Ordered, ["SB", "GONE", "BDC"]);
        Assert.Equal(["SB", "BDC"], Desk().BeginCall());
        _state.Profile = null;
        Assert.Equal(["BDC", "SB"], Desk(2).BeginCall());
    }

    [Fact]
    public void AClaimedTicketIsBeingCalledAtTheWindowWithoutAnEventOfTheWindowsOwn()
    {
        var change = At(WindowState.Idle).AfterClaim(Ticket("t-a001", "A001", TicketStatus.Called), Offer(PriorityClass.Normal), Morning);

        Assert.Equal((WindowState.Idle, WindowState.Calling, (HallEvent?)null), (change.From, change.To, change.Event));
        Assert.Equal(A001, _state.Current);
        Assert.Equal((Morning, 1L), (_state.Since, _state.Version));
        Assert.Empty(_state.PendingEvents);
    }

    [Fact]
    public void PriorityCallsInARowAreCountedAndANormalCallEndsTheRun()
    {
        At(WindowState.Idle);
        Assert.Equal([1, 2, 0, 1], Enumerable.Range(0, 4).Select(i =>
        {
            var priority = i == 2 ? PriorityClass.Normal : PriorityClass.GreenChannel;
            _state.State = WindowState.Idle;
            Desk().AfterClaim(Ticket($"t{i}", $"A00{i}", TicketStatus.Called, priority), Offer(priority), Morning);
            return _state.ConsecutivePriorityCalls;
        }));
    }

    [Fact]
    public void ATicketDirectedToThisWindowLeavesThePriorityRunAsItWas()
    {
        At(WindowState.Idle);
        _state.ConsecutivePriorityCalls = 1;

        Desk().AfterClaim(Ticket("t1", "A001", TicketStatus.Called), Offer(PriorityClass.Normal, directed: true), Morning);

        Assert.Equal(1, _state.ConsecutivePriorityCalls);
    }

    [Fact]
    public void AfterTheMaximumRunOfPriorityCallsTheWindowChoosesTheNormalTicket()
    {
        var desk = At(WindowState.Idle);
        QueueCandidate[] offers = [Offer(PriorityClass.GreenChannel, "g"), Offer(PriorityClass.Normal, "n")];

        _state.ConsecutivePriorityCalls = 1;
        Assert.Equal("g", desk.Choose(offers, ["BDC"], Morning)!.TicketId);
        _state.ConsecutivePriorityCalls = 2;
        Assert.Equal("n", desk.Choose(offers, ["BDC"], Morning)!.TicketId);
        Assert.Null(desk.Choose([], ["BDC"], Morning));
    }

    [Fact]
    public void StartingServiceMovesTheWindowFromCallingToServingKeepingItsTicket()
    {
        var desk = At(WindowState.Calling);
        Assert.Equal(A001, desk.BeginStart());

        var change = desk.AfterStart(Morning);

        Assert.Equal((WindowState.Calling, WindowState.Serving, (HallEvent?)null), (change.From, change.To, change.Event));
        Assert.Equal(A001, _state.Current);
    }

    [Fact]
    public void CompletingCountsTheServiceTodayAndFreesTheWindow()
    {
        var desk = At(WindowState.Serving);
        Assert.Equal(A001, desk.BeginComplete());

        var change = desk.AfterComplete(Morning);
        Assert.Equal((WindowState.Serving, WindowState.Idle), (change.From, change.To));
        Assert.Null(_state.Current);
        _state.State = WindowState.Serving;
        desk.AfterComplete(Morning.AddHours(1));

        Assert.Equal((2, new DateOnly(2026, 11, 24)), (_state.ServedToday, _state.ServedDay));
        Assert.Equal(2, desk.ServedToday(Morning.AddHours(2)));
        Assert.Equal(2, desk.Snapshot(Morning.AddHours(2)).ServedToday);
    }

    [Fact]
    public void ServedTodayRollsOverAtMidnightInTheHallsTimeZone()
    {
        var desk = At(WindowState.Serving);
        desk.AfterComplete(new DateTimeOffset(2026, 11, 24, 15, 59, 0, TimeSpan.Zero)); // 23:59 in Shanghai
        var nextDay = new DateTimeOffset(2026, 11, 24, 16, 1, 0, TimeSpan.Zero); // 00:01 the next day in Shanghai

        Assert.Equal(0, desk.ServedToday(nextDay));
        Assert.Equal(0, desk.Snapshot(nextDay).ServedToday);
        Assert.Equal(1, _state.ServedToday); // stored until the next completion rolls it over

        _state.State = WindowState.Serving;
        desk.AfterComplete(nextDay);
        Assert.Equal((1, new DateOnly(2026, 11, 25)), (_state.ServedToday, _state.ServedDay));
    }

    [Theory]
    [InlineData(WindowState.Calling)]
    [InlineData(WindowState.Serving)]
    public void ANoShowAHoldOrATransferLeavesTheWindowIdleWithoutATicket(WindowState from)
    {
        var change = At(from).AfterRelease(Morning);

        Assert.Equal((from, WindowState.Idle, (HallEvent?)null), (change.From, change.To, change.Event));
        Assert.Null(_state.Current);
    }

    [Fact]
    public void ATransferToAnotherThemeGoesThereAndOneToAWindowMayStayInTheTheme()
    {
        Assert.Equal(new WindowTransfer(A001, "SB", null), At(WindowState.Serving).BeginTransfer(new TransferTicket("SB", null, null)));
        Assert.Equal(new WindowTransfer(A001, "BDC", 2), At(WindowState.Calling).BeginTransfer(new TransferTicket(null, 2, "请到2号")));
    }

    [Theory]
    [InlineData("XX", null, "theme-not-found", "Target theme XX does not exist")]
    [InlineData("XX", 1, "theme-not-found", "Target theme XX does not exist")]
    [InlineData(null, 1, "transfer-self", "Cannot transfer to this same window")]
    [InlineData("SB", 9, "window-not-found", "Target window 9 does not exist")]
    [InlineData(null, null, "transfer-nowhere", "Choose another theme or a window to transfer to")]
    [InlineData("BDC", null, "transfer-nowhere", "Choose another theme or a window to transfer to")]
    public void ATransferThatGoesNowhereValidIsRefused(string? toTheme, int? toWindow, string code, string en)
    {
        var refused = Assert.Throws<QueueRuleException>(() => At(WindowState.Serving).BeginTransfer(new TransferTicket(toTheme, toWindow, null)));

        Assert.Equal((ProblemKind.Unprocessable, code, en), (refused.Kind, refused.Code, refused.MessageEn));
        Assert.Equal((WindowState.Serving, A001), (_state.State, _state.Current));
    }

    [Fact]
    public void ATransferToAWindowThatDoesNotServeTheThemeIsRefused()
    {
        WindowDesk.CheckTransferTarget(WindowProfile.Comprehensive, 2, "BDC");
        var refused = Assert.Throws<QueueRuleException>(() => WindowDesk.CheckTransferTarget(WindowProfile.Dedicated("SB"), 2, "BDC"));

        Assert.Equal(("window-not-serving", "2号窗口不受理该主题 BDC", "Window 2 does not serve theme BDC"), (refused.Code, refused.MessageZh, refused.MessageEn));
    }

    [Fact]
    public void ReconcilingAsksTheProfilesThemesAndTheCurrentTicketsTheme()
    {
        Assert.Equal(["BDC", "SB"], At(WindowState.Calling, A001 with { ThemeCode = "SB" }).ReconcileThemes().Order());
        Assert.Equal(["BDC"], At(WindowState.Idle).ReconcileThemes());
    }

    [Fact]
    public void AnIdleWindowTakesBackTheTicketAThemeSaysItCalled()
    {
        var change = At(WindowState.Idle).Reconcile([null, Ticket("t-a001", "A001", TicketStatus.Called)], Morning);

        Assert.Equal((WindowState.Idle, WindowState.Calling, (HallEvent?)null), (change!.From, change.To, change.Event));
        Assert.Equal(A001, _state.Current);
        Assert.Equal(1, _state.Version);
    }

    [Fact]
    public void ACallingWindowWhoseTicketAThemeSaysIsBeingServedIsServing()
    {
        var change = At(WindowState.Calling).Reconcile([Ticket("t-a001", "A001", TicketStatus.Serving)], Morning);

        Assert.Equal(WindowState.Serving, change!.To);
        Assert.Equal(A001, _state.Current);
    }

    [Fact]
    public void AWindowHoldingATicketNoThemeGaveItIsIdleAgain()
    {
        var change = At(WindowState.Serving).Reconcile([null, null], Morning);

        Assert.Equal((WindowState.Serving, WindowState.Idle), (change!.From, change.To));
        Assert.Null(_state.Current);
    }

    [Fact]
    public void OfTwoTicketsAssignedToTheWindowTheLastCalledIsKept()
    {
        At(WindowState.Idle).Reconcile(
            [Ticket("t-a001", "A001", TicketStatus.Called, calledAt: Morning), Ticket("t-a002", "A002", TicketStatus.Called, calledAt: Morning.AddMinutes(1))],
            Morning.AddMinutes(2));

        Assert.Equal("t-a002", _state.Current!.TicketId);
    }

    [Theory]
    [InlineData(WindowState.Idle)]
    [InlineData(WindowState.Paused)]
    public void AWindowThatAgreesWithTheThemesIsLeftAsItIs(WindowState state)
    {
        Assert.Null(At(state).Reconcile([null], Morning));
        Assert.Null(At(WindowState.Calling).Reconcile([Ticket("t-a001", "A001", TicketStatus.Called)], Morning));
        Assert.Equal(0, _state.Version);
        Assert.Empty(_state.PendingEvents);
    }

    [Fact]
    public void TheSnapshotShowsTheWindowAsTheDeskHasIt()
    {
        var snapshot = At(WindowState.Calling).Snapshot(Morning);

        Assert.Equal(
            ("h", 1, "z", WindowState.Calling, "s1", "张三", "BDC", A001, "1号"),
            (snapshot.HallId, snapshot.WindowNo, snapshot.ZoneId, snapshot.State, snapshot.StaffId, snapshot.StaffName, snapshot.Profile.Themes.Single(), snapshot.Current, snapshot.Label));
    }

    private static void Run(WindowDesk desk, string command)
    {
        _ = command switch
        {
            "sign-out" => desk.SignOut(Morning),
            "pause" => desk.Pause("午休", Morning),
            "resume" => desk.Resume(Morning),
            "call" => desk.BeginCall(),
            "recall" => desk.BeginRecall(),
            "start" => desk.BeginStart(),
            "no-show" => desk.BeginNoShow(),
            "complete" => desk.BeginComplete(),
            "hold" => desk.BeginHold(),
            "transfer" => (object)desk.BeginTransfer(new TransferTicket("SB", null, null)),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }

    private static QueueCandidate Offer(PriorityClass priority, string id = "t", bool directed = false) =>
        new(id, "BDC", "A001", priority, Morning.AddMinutes(-5), 30, directed);

    private static TicketSnapshot Ticket(string id, string number, TicketStatus status, PriorityClass priority = PriorityClass.Normal, DateTimeOffset? calledAt = null) =>
        new(id, "h", "BDC", number, priority, IssueChannel.Kiosk, status, Morning.AddMinutes(-10), calledAt ?? Morning, null, null, 1, 0, null, null, false,
            null, null, null, null, null, new DateOnly(2026, 11, 24));
}

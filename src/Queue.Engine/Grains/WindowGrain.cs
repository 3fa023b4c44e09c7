using Queue.Engine.Hosting;
using Queue.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Engine.Persistence;

namespace Queue.Engine.Grains;

/// <summary>
/// A counter. The themes are the authority on tickets; the window keeps the staff session and which ticket it
/// holds. After a crash between a theme's hand-over and the window's own write, activation asks the themes
/// what they gave this window and takes it back.
/// </summary>
public sealed class WindowGrain(
    [PersistentState("window", QueueGrainStorage.ProviderName)] IPersistentState<WindowGrainState> state,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<WindowGrainState>(state), IWindowGrain
{
    private const int MaxClaimAttempts = 16;
    private HallConfig? _hall;
    private bool _reconciled;

    private string HallId => GrainKeys.Split(this.GetPrimaryKeyString()).HallId;

    private int WindowNo => int.Parse(GrainKeys.Split(this.GetPrimaryKeyString()).Part, System.Globalization.CultureInfo.InvariantCulture);

    public async Task<WindowSnapshot> GetSnapshotAsync()
    {
        var (_, window) = await Config();
        return Snapshot(window);
    }

    public Task ConfigChangedAsync()
    {
        _hall = null;
        return Task.CompletedTask;
    }

    public async Task<WindowSnapshot> SignInAsync(SignIn command)
    {
        var (_, window) = await Ready();
        if (State.State != WindowState.Closed)
        {
            return State.StaffId == command.StaffId
                ? Snapshot(window)
                : throw QueueRuleException.Conflict("window-occupied", $"{WindowNo}号窗口已由 {State.StaffName} 登录", $"Window {WindowNo} is signed in by {State.StaffName}");
        }

        State.StaffId = command.StaffId;
        State.StaffName = command.StaffName;
        return await Change(window, WindowState.Idle, HallEventKind.WindowOpened);
    }

    public async Task<WindowSnapshot> SignOutAsync()
    {
        var (_, window) = await Ready();
        Require(WindowState.Idle, WindowState.Paused);
        var staff = State.StaffId;
        State.StaffId = State.StaffName = State.PauseReason = null;
        return await Change(window, WindowState.Closed, HallEventKind.WindowClosed, e => e with { StaffId = staff });
    }

    public async Task<WindowSnapshot> PauseAsync(string reason)
    {
        var (_, window) = await Ready();
        Require(WindowState.Idle);
        State.PauseReason = reason;
        return await Change(window, WindowState.Paused, HallEventKind.WindowPaused, e => e with { Reason = reason });
    }

    public async Task<WindowSnapshot> ResumeAsync()
    {
        var (_, window) = await Ready();
        Require(WindowState.Paused);
        State.PauseReason = null;
        return await Change(window, WindowState.Idle, HallEventKind.WindowResumed);
    }

    public async Task<WindowSnapshot> SetProfileAsync(WindowProfile profile)
    {
        var (hall, window) = await Ready();
        HallConfigValidator.CheckProfile(profile, hall.ThemeCodes.ToHashSet(), WindowNo);
        State.Profile = profile;
        return await Change(window, State.State, HallEventKind.WindowProfileChanged);
    }

    public async Task<WindowSnapshot> CallNextAsync()
    {
        var (hall, window) = await Ready();
        Require(WindowState.Idle);
        var themes = Profile(window).Resolve(hall.ThemeCodes).Where(t => hall.FindTheme(t) is not null).ToList();
        for (var attempt = 0; attempt < MaxClaimAttempts; attempt++)
        {
            var offers = await Task.WhenAll(themes.Select(t => Theme(t).GetCandidatesAsync(WindowNo)));
            var choice = Routing.Choose([.. offers.SelectMany(o => o)], themes, State.ConsecutivePriorityCalls, hall.Policy, clock.GetUtcNow());
            if (choice is null)
            {
                return Snapshot(window);
            }

            var ticket = await Theme(choice.ThemeCode).ClaimAsync(choice, WindowNo);
            if (ticket is null)
            {
                continue; // other windows emptied that line meanwhile: look again
            }

            State.Current = new CurrentTicket(ticket.TicketId, ticket.ThemeCode, ticket.DisplayNumber, ticket.CitizenName);
            if (!choice.DirectedToWindow)
            {
                State.ConsecutivePriorityCalls = Routing.IsPriority(ticket.Priority) ? State.ConsecutivePriorityCalls + 1 : 0;
            }

            return await Change(window, WindowState.Calling, null);
        }

        // Every ticket this window could take went to other windows while it looked: nobody is left for it now.
        return Snapshot(window);
    }

    public async Task<WindowSnapshot> RecallAsync()
    {
        var (_, window) = await Ready();
        var current = Require(WindowState.Calling)!;
        await Theme(current.ThemeCode).RecallAsync(current.TicketId, WindowNo);
        return Snapshot(window);
    }

    public async Task<WindowSnapshot> StartServiceAsync()
    {
        var (_, window) = await Ready();
        var current = Require(WindowState.Calling)!;
        await Theme(current.ThemeCode).StartServiceAsync(current.TicketId, WindowNo);
        return await Change(window, WindowState.Serving, null);
    }

    public async Task<WindowSnapshot> CompleteAsync(CompleteService command)
    {
        var (hall, window) = await Ready();
        var current = Require(WindowState.Serving)!;
        await Theme(current.ThemeCode).CompleteAsync(current.TicketId, WindowNo, command);
        var today = BusinessClock.Day(clock.GetUtcNow(), hall.TimeZone);
        State.ServedToday = State.ServedDay == today ? State.ServedToday + 1 : 1;
        State.ServedDay = today;
        State.Current = null;
        return await Change(window, WindowState.Idle, null);
    }

    public async Task<WindowSnapshot> NoShowAsync()
    {
        var (_, window) = await Ready();
        var current = Require(WindowState.Calling)!;
        await Theme(current.ThemeCode).NoShowAsync(current.TicketId, WindowNo);
        State.Current = null;
        return await Change(window, WindowState.Idle, null);
    }

    public async Task<WindowSnapshot> HoldAsync(string reason)
    {
        var (_, window) = await Ready();
        var current = Require(WindowState.Serving)!;
        await Theme(current.ThemeCode).HoldAsync(current.TicketId, WindowNo, reason);
        State.Current = null;
        return await Change(window, WindowState.Idle, null);
    }

    public async Task<WindowSnapshot> TransferAsync(TransferTicket command)
    {
        var (hall, window) = await Ready();
        var current = Require(WindowState.Calling, WindowState.Serving)!;
        var toTheme = command.ToTheme ?? current.ThemeCode;
        if (hall.FindTheme(toTheme) is null)
        {
            throw QueueRuleException.Unprocessable("theme-not-found", $"目标服务主题 {toTheme} 不存在", $"Target theme {toTheme} does not exist");
        }

        if (command.ToWindow is { } toWindow)
        {
            await CheckTransferWindow(hall, toWindow, toTheme);
        }
        else if (toTheme == current.ThemeCode)
        {
            throw QueueRuleException.Unprocessable("transfer-nowhere", "请选择其他服务主题或指定窗口", "Choose another theme or a window to transfer to");
        }

        var moving = await Theme(current.ThemeCode).TransferOutAsync(current.TicketId, WindowNo, toTheme, command.ToWindow, command.Note);
        if (moving.ToTheme != moving.FromTheme)
        {
            await Theme(moving.ToTheme).AcceptTransferAsync(moving);
            await Theme(moving.FromTheme).TransferDeliveredAsync(moving.TicketId);
        }

        State.Current = null;
        return await Change(window, WindowState.Idle, null);
    }

    private async Task CheckTransferWindow(HallConfig hall, int toWindow, string toTheme)
    {
        if (toWindow == WindowNo)
        {
            throw QueueRuleException.Unprocessable("transfer-self", "不能转给本窗口", "Cannot transfer to this same window");
        }

        if (hall.FindWindow(toWindow) is null)
        {
            throw QueueRuleException.Unprocessable("window-not-found", $"目标窗口 {toWindow} 不存在", $"Target window {toWindow} does not exist");
        }

        var target = await GrainFactory.GetGrain<IWindowGrain>(GrainKeys.Window(HallId, toWindow)).GetSnapshotAsync();
        if (!target.Profile.Serves(toTheme))
        {
            throw QueueRuleException.Unprocessable("window-not-serving", $"{toWindow}号窗口不受理该主题 {toTheme}", $"Window {toWindow} does not serve theme {toTheme}");
        }
    }

    /// <summary>
    /// The configuration, and once per activation, before the first command: which ticket do the themes say this
    /// window holds? Take the themes' word for it (a crash may have fallen between a theme's write and ours).
    /// Not done on activation, because a theme asking the hall for capacity may be what activated this window.
    /// </summary>
    private async Task<(HallConfig Hall, WindowConfig Window)> Ready()
    {
        var (hall, window) = await Config();
        if (!_reconciled)
        {
            if (State.State != WindowState.Closed)
            {
                await Reconcile(hall, window);
            }

            _reconciled = true;
        }

        return (hall, window);
    }

    private async Task Reconcile(HallConfig hall, WindowConfig window)
    {
        var themes = Profile(window).Resolve(hall.ThemeCodes).ToHashSet();
        if (State.Current is { } current)
        {
            themes.Add(current.ThemeCode);
        }

        var assigned = (await Task.WhenAll(themes.Where(t => hall.FindTheme(t) is not null).Select(t => Theme(t).GetAssignedAsync(WindowNo))))
            .OfType<TicketSnapshot>().OrderByDescending(t => t.CalledAt).FirstOrDefault();
        var expected = assigned is null ? null : new CurrentTicket(assigned.TicketId, assigned.ThemeCode, assigned.DisplayNumber, assigned.CitizenName);
        var expectedState = assigned?.Status switch
        {
            TicketStatus.Called => WindowState.Calling,
            TicketStatus.Serving => WindowState.Serving,
            _ => State.State is WindowState.Calling or WindowState.Serving ? WindowState.Idle : State.State,
        };
        if (expected != State.Current || expectedState != State.State)
        {
            State.Current = expected;
            await Change(window, expectedState, null);
        }
    }

    private CurrentTicket? Require(params WindowState[] allowed)
    {
        if (allowed.Contains(State.State))
        {
            return State.Current;
        }

        var (zh, en) = State.State switch
        {
            WindowState.Closed => ("窗口未登录，请先签到", "The window is closed; sign in first"),
            WindowState.Paused => ("窗口暂停中，请先恢复", "The window is paused; resume first"),
            WindowState.Calling when allowed.Contains(WindowState.Serving) => ($"号票 {State.Current?.DisplayNumber} 尚未开始办理", $"Ticket {State.Current?.DisplayNumber} has not started service"),
            WindowState.Calling or WindowState.Serving => ($"请先处理当前号票 {State.Current?.DisplayNumber}", $"Finish the current ticket {State.Current?.DisplayNumber} first"),
            _ => ("窗口当前没有号票", "The window has no ticket now"),
        };
        throw QueueRuleException.Conflict("window-state", zh, en);
    }

    private async Task<WindowSnapshot> Change(WindowConfig window, WindowState next, HallEventKind? kind, Func<HallEvent, HallEvent>? enrich = null)
    {
        State.State = next;
        State.Since = clock.GetUtcNow();
        State.Version++;
        if (kind is { } k)
        {
            var e = new HallEvent(HallId, 0, State.Since, k, WindowNo: WindowNo, StaffId: State.StaffId, Reason: State.PauseReason);
            State.PendingEvents.Add(enrich is null ? e : enrich(e));
        }

        await SaveAsync();
        var snapshot = Snapshot(window);
        await GrainFactory.GetGrain<IHallGrain>(HallId).WindowChangedAsync(snapshot);
        return snapshot;
    }

    private WindowSnapshot Snapshot(WindowConfig window) => new(
        HallId, WindowNo, window.ZoneId, State.State, State.StaffId, State.StaffName, State.PauseReason, Profile(window), State.Current,
        State.ConsecutivePriorityCalls, ServedToday(), State.Since, window.Label, State.Version);

    /// <summary>Served today: yesterday's count is not today's, though the day rolls over only at the next completion.</summary>
    private int ServedToday() =>
        _hall is { } hall && State.ServedDay == BusinessClock.Day(clock.GetUtcNow(), hall.TimeZone) ? State.ServedToday : 0;

    private WindowProfile Profile(WindowConfig window) => State.Profile ?? window.Profile;

    private IThemeQueueGrain Theme(string code) => GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(HallId, code));

    private async Task<(HallConfig Hall, WindowConfig Window)> Config()
    {
        var (hall, window) = await TryConfig();
        return hall is null
            ? throw HallNotFound(HallId)
            : (hall, window ?? throw QueueRuleException.NotFound("window-not-found", $"大厅 {HallId} 没有 {WindowNo} 号窗口", $"Hall {HallId} has no window {WindowNo}"));
    }

    private async Task<(HallConfig? Hall, WindowConfig? Window)> TryConfig()
    {
        _hall ??= await GrainFactory.GetGrain<IHallGrain>(HallId).GetConfigAsync();
        return (_hall, _hall?.FindWindow(WindowNo));
    }
}

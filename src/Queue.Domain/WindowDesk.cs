using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// The rules of one counter over its persisted state: the staff session, pause, profile, which states allow which
/// command, the run of priority calls and the day's count of services. A command that reaches a theme comes in two
/// steps: <c>Begin…</c> checks the window's state (and throws a <see cref="QueueRuleException"/>, changing nothing)
/// and says which ticket the theme must act on; once the theme has done it, <c>After…</c> moves the window and
/// records at most one event. No I/O and no clock of its own, so the grain and a simulator drive the same rules.
/// </summary>
public sealed class WindowDesk(WindowDeskState state, HallConfig hall, WindowConfig window)
{
    private string HallId => hall.HallId;

    private int WindowNo => window.WindowNo;

    /// <summary>The live profile, else the configured one.</summary>
    public WindowProfile Profile => state.Profile ?? window.Profile;

    /// <summary>Whether staff are signed in (only an open window can hold a ticket).</summary>
    public bool IsOpen => state.State != WindowState.Closed;

    /// <summary>Signs the staff in; null when the same staff is already signed in (nothing to do).</summary>
    public WindowChange? SignIn(string staffId, string staffName, DateTimeOffset now)
    {
        if (state.State != WindowState.Closed)
        {
            return state.StaffId == staffId
                ? null
                : throw Refusals.WindowOccupied(WindowNo, state.StaffName);
        }

        state.StaffId = staffId;
        state.StaffName = staffName;
        return Change(WindowState.Idle, HallEventKind.WindowOpened, now);
    }

    public WindowChange SignOut(DateTimeOffset now)
    {
        Require(WindowState.Idle, WindowState.Paused);
        var staff = state.StaffId;
        state.StaffId = state.StaffName = state.PauseReason = null;
        return Change(WindowState.Closed, HallEventKind.WindowClosed, now, e => e with { StaffId = staff });
    }

    public WindowChange Pause(string reason, DateTimeOffset now)
    {
        Require(WindowState.Idle);
        state.PauseReason = reason;
        return Change(WindowState.Paused, HallEventKind.WindowPaused, now, e => e with { Reason = reason });
    }

    public WindowChange Resume(DateTimeOffset now)
    {
        Require(WindowState.Paused);
        state.PauseReason = null;
        return Change(WindowState.Idle, HallEventKind.WindowResumed, now);
    }

    /// <summary>
    /// The window serves <paramref name="profile"/> from now on. A manager's <paramref name="move"/> (an applied SLA move)
    /// is journaled with who and what, and keeps the profile before it for <see cref="UndoMove"/>; any other change
    /// (staff, the tidal plan, an undo) supersedes a move, which can then no longer be undone.
    /// </summary>
    public WindowChange SetProfile(WindowProfile profile, DateTimeOffset now, ProfileMove? move = null)
    {
        HallConfigValidator.CheckProfile(profile, hall.ThemeCodes.ToHashSet(), WindowNo);
        var before = Profile;
        state.Profile = profile;
        state.UndoProfile = move is { Undo: false } ? before : null;
        return Change(state.State, HallEventKind.WindowProfileChanged, now, move is null ? null : e => e with { ActorId = move.ActorId, Summary = move.Summary });
    }

    /// <summary>Back to the profile before the applied move, journaled with who undid it; 409 when there is none.</summary>
    public WindowChange UndoMove(string actorId, DateTimeOffset now)
    {
        var previous = state.UndoProfile ?? throw Refusals.NothingToUndo(WindowNo);
        var themes = previous.Kind == WindowProfileKind.Comprehensive ? "综合 / comprehensive" : string.Join(",", previous.Themes);
        return SetProfile(previous, now, new ProfileMove(actorId, $"撤销调窗，恢复 {themes} / move undone, back to {themes}", Undo: true));
    }

    /// <summary>Call next, step one: the window must be idle; the themes to ask for candidates, in profile order.</summary>
    public IReadOnlyList<string> BeginCall()
    {
        Require(WindowState.Idle);
        return [.. Profile.Resolve(hall.ThemeCodes).Where(t => hall.FindTheme(t) is not null)];
    }

    /// <summary>Call next, step two: whom to claim among the themes' offers (<see cref="Routing"/>), null when nobody waits.</summary>
    public QueueCandidate? Choose(IReadOnlyList<QueueCandidate> offers, IReadOnlyList<string> themes, DateTimeOffset now) =>
        Routing.Choose(offers, themes, state.ConsecutivePriorityCalls, hall.Policy, now);

    /// <summary>Call next, step three: the theme handed <paramref name="ticket"/> over; the window calls it.</summary>
    public WindowChange AfterClaim(TicketSnapshot ticket, QueueCandidate choice, DateTimeOffset now)
    {
        state.Current = new CurrentTicket(ticket.TicketId, ticket.ThemeCode, ticket.DisplayNumber, ticket.CitizenName, ticket.AwaitingArrival);
        if (!choice.DirectedToWindow)
        {
            state.ConsecutivePriorityCalls = Routing.IsPriority(ticket.Priority) ? state.ConsecutivePriorityCalls + 1 : 0;
        }

        return Change(WindowState.Calling, null, now);
    }

    /// <summary>A recall changes nothing at the window; the ticket being called.</summary>
    public CurrentTicket BeginRecall() => Require(WindowState.Calling)!;

    public CurrentTicket BeginStart() => Require(WindowState.Calling)!;

    public WindowChange AfterStart(DateTimeOffset now) => Change(WindowState.Serving, null, now);

    public CurrentTicket BeginComplete() => Require(WindowState.Serving)!;

    /// <summary>The service is done: one more served today (the count restarts on a new business day).</summary>
    public WindowChange AfterComplete(DateTimeOffset now)
    {
        var today = BusinessClock.Day(now, hall.TimeZone);
        state.ServedToday = state.ServedDay == today ? state.ServedToday + 1 : 1;
        state.ServedDay = today;
        state.Current = null;
        return Change(WindowState.Idle, null, now);
    }

    public CurrentTicket BeginNoShow() => Require(WindowState.Calling)!;

    public CurrentTicket BeginHold() => Require(WindowState.Serving)!;

    /// <summary>
    /// The checks of a transfer that need nothing but the configuration. When it names a window, the caller must still
    /// check that window's live profile (<see cref="CheckTransferTarget"/>) before the theme lets the ticket go.
    /// </summary>
    public WindowTransfer BeginTransfer(TransferTicket command)
    {
        var current = Require(WindowState.Calling, WindowState.Serving)!;
        var toTheme = command.ToTheme ?? current.ThemeCode;
        if (hall.FindTheme(toTheme) is null)
        {
            throw Refusals.TransferThemeNotFound(toTheme);
        }

        if (command.ToWindow is { } toWindow)
        {
            if (toWindow == WindowNo)
            {
                throw Refusals.TransferSelf();
            }

            if (hall.FindWindow(toWindow) is null)
            {
                throw Refusals.TransferWindowNotFound(toWindow);
            }
        }
        else if (toTheme == current.ThemeCode)
        {
            throw Refusals.TransferNowhere();
        }

        return new WindowTransfer(current, toTheme, command.ToWindow);
    }

    /// <summary>The target window must serve the theme the ticket goes to, by its live profile.</summary>
    public static void CheckTransferTarget(WindowProfile target, int toWindow, string toTheme)
    {
        if (!target.Serves(toTheme))
        {
            throw Refusals.WindowNotServing(toWindow, toTheme);
        }
    }

    /// <summary>The ticket left the window without being served here (no-show, hold or transfer): the window is idle.</summary>
    public WindowChange AfterRelease(DateTimeOffset now)
    {
        state.Current = null;
        return Change(WindowState.Idle, null, now);
    }

    /// <summary>The themes to ask which ticket they say this window holds: its profile's and its current ticket's.</summary>
    public IReadOnlyList<string> ReconcileThemes()
    {
        var themes = Profile.Resolve(hall.ThemeCodes).ToHashSet();
        if (state.Current is { } current)
        {
            themes.Add(current.ThemeCode);
        }

        return [.. themes.Where(t => hall.FindTheme(t) is not null)];
    }

    /// <summary>
    /// Takes the themes' word for which ticket this window holds (a crash may have fallen between a theme's write and
    /// the window's): the most recently called of <paramref name="assigned"/>, or none. Null when the window agrees.
    /// </summary>
    public WindowChange? Reconcile(IEnumerable<TicketSnapshot?> assigned, DateTimeOffset now)
    {
        var (expected, expectedState) = Reconciled(assigned);
        if (expected == state.Current && expectedState == state.State)
        {
            return null;
        }

        state.Current = expected;
        return Change(expectedState, null, now);
    }

    private (CurrentTicket? Current, WindowState State) Reconciled(IEnumerable<TicketSnapshot?> assigned)
    {
        var latest = assigned.OfType<TicketSnapshot>().OrderByDescending(t => t.CalledAt).FirstOrDefault();
        // 未到厅 is as it was at the call: a check-in after the call does not change the window's ticket.
        var expected = latest is null ? null : new CurrentTicket(
            latest.TicketId, latest.ThemeCode, latest.DisplayNumber, latest.CitizenName,
            state.Current?.TicketId == latest.TicketId ? state.Current.NotArrived : latest.AwaitingArrival);
        var expectedState = latest?.Status switch
        {
            TicketStatus.Called => WindowState.Calling,
            TicketStatus.Serving => WindowState.Serving,
            _ => state.State is WindowState.Calling or WindowState.Serving ? WindowState.Idle : state.State,
        };
        return (expected, expectedState);
    }

    /// <summary>Served today: yesterday's count is not today's, though the day rolls over only at the next completion.</summary>
    public int ServedToday(DateTimeOffset now) =>
        state.ServedDay == BusinessClock.Day(now, hall.TimeZone) ? state.ServedToday : 0;

    public WindowSnapshot Snapshot(DateTimeOffset now) => new(
        HallId, WindowNo, window.ZoneId, state.State, state.StaffId, state.StaffName, state.PauseReason, Profile, state.Current,
        state.ConsecutivePriorityCalls, ServedToday(now), state.Since, window.Label, state.Version, state.UndoProfile);

    private CurrentTicket? Require(params WindowState[] allowed)
    {
        if (allowed.Contains(state.State))
        {
            return state.Current;
        }

        throw state.State switch
        {
            WindowState.Closed => Refusals.WindowClosed(),
            WindowState.Paused => Refusals.WindowPaused(),
            WindowState.Calling when allowed.Contains(WindowState.Serving) => Refusals.WindowTicketNotStarted(state.Current?.DisplayNumber),
            WindowState.Calling or WindowState.Serving => Refusals.WindowFinishCurrent(state.Current?.DisplayNumber),
            _ => Refusals.WindowNoTicket(),
        };
    }

    private WindowChange Change(WindowState next, HallEventKind? kind, DateTimeOffset now, Func<HallEvent, HallEvent>? enrich = null)
    {
        var from = state.State;
        state.State = next;
        state.Since = now;
        state.Version++;
        HallEvent? journaled = null;
        if (kind is { } k && state.Journaled)
        {
            var e = new HallEvent(HallId, 0, now, k, WindowNo: WindowNo, StaffId: state.StaffId, Reason: state.PauseReason);
            journaled = enrich is null ? e : enrich(e);
            state.PendingEvents.Add(journaled);
        }

        return new WindowChange(from, next, journaled);
    }
}

using Queue.Contracts.Commands;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Simulation;

/// <summary>A simulated hall-day, at the windows: call next, the citizen reaching the window or not, the service's end.</summary>
internal sealed partial class HallDay
{
    private static readonly CompleteService Done = new(ServiceOutcome.Done, null);

    /// <summary>
    /// Every idle window that serves a line where someone waits presses 叫号, the one idle longest first, as staff at an
    /// idle window do. After closing, a window that finds nobody signs out.
    /// </summary>
    private void Dispatch()
    {
        var afterClosing = _clock >= _scenario.ClosesMinute;
        List<DeskRun>? ready = null; // most events find no window to press 叫号: no list then
        foreach (var desk in _desks)
        {
            if (desk.IsIdle && (desk.Closing || afterClosing || SomeoneWaitsFor(desk)))
            {
                (ready ??= []).Add(desk);
            }
        }

        if (ready is null)
        {
            return;
        }

        if (ready.Count > 1)
        {
            ready.Sort((a, b) => (a.State.Since, a.Config.WindowNo).CompareTo((b.State.Since, b.Config.WindowNo)));
        }

        foreach (var desk in ready)
        {
            if ((desk.Closing || !SomeoneWaitsFor(desk) || !CallNext(desk)) && (desk.Closing || afterClosing))
            {
                desk.Desk.SignOut(Now);
                desk.Closing = false;
            }
        }
    }

    private bool SomeoneWaitsFor(DeskRun desk)
    {
        foreach (var theme in desk.ServedThemes(_themeCodes, _themeIndex))
        {
            if (_waiting[theme] > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The window grain's call-next: BeginCall → each theme's candidates → Choose → Claim (or the next like it) → AfterClaim.</summary>
    private bool CallNext(DeskRun desk)
    {
        var windowNo = desk.Config.WindowNo;
        var themes = desk.Desk.BeginCall();
        var offers = new List<QueueCandidate>();
        foreach (var code in themes)
        {
            if (_waiting[_themeIndex[code]] > 0)
            {
                offers.AddRange(Line(_themeIndex[code]).Candidates(windowNo));
            }
        }

        if (desk.Desk.Choose(offers, themes, Now) is not { } choice)
        {
            return false;
        }

        var theme = _themeIndex[choice.ThemeCode];
        var line = Line(theme);
        var record = line.Claim(choice.TicketId, windowNo) ?? line.ClaimNextLike(choice, windowNo);
        if (record is null)
        {
            return false;
        }

        desk.Desk.AfterClaim(line.Snapshot(record, 0), choice, Now);
        _waiting[theme]--;
        var ticket = _byTicketId[record.TicketId];
        if (ticket.CalledMinute is null && ticket.Watched)
        {
            _watching--;
        }

        ticket.CalledMinute ??= _clock;
        ticket.WindowNo = windowNo;
        var index = Array.IndexOf(_desks, desk);
        if (ticket.Draw.Absent && ticket.Stage == 0)
        {
            Schedule(_clock + _scenario.Behaviour.RecallEveryMinutes, DayEventKind.Recall, index, ticket);
        }
        else
        {
            Schedule(_clock + _scenario.WalkMinutes, DayEventKind.Reached, index, ticket);
        }

        return true;
    }

    private void StartService(DeskRun desk, SimTicket? ticket)
    {
        var current = desk.Desk.BeginStart();
        Line(ticket!.Theme).StartService(current.TicketId, desk.Config.WindowNo);
        desk.Desk.AfterStart(Now);
        var minutes = ticket.Stage == 0 ? ticket.Draw.ServiceMinutes : ticket.Draw.SecondServiceMinutes;
        Schedule(_clock + minutes, DayEventKind.Completed, Array.IndexOf(_desks, desk), ticket);
    }

    /// <summary>The citizen did not come: recall until the hall's <c>RecallsBeforeNoShow</c> are made, then mark the no-show.</summary>
    private void RecallOrNoShow(DeskRun desk, SimTicket? ticket)
    {
        var line = Line(ticket!.Theme);
        var windowNo = desk.Config.WindowNo;
        if (line.Find(ticket.TicketId!).RecallCount < _hall.Policy.RecallsBeforeNoShow)
        {
            line.Recall(desk.Desk.BeginRecall().TicketId, windowNo);
            Schedule(_clock + _scenario.Behaviour.RecallEveryMinutes, DayEventKind.Recall, Array.IndexOf(_desks, desk), ticket);
            return;
        }

        line.NoShow(desk.Desk.BeginNoShow().TicketId, windowNo);
        desk.Desk.AfterRelease(Now);
        ticket.End = TicketEnd.NoShow;
    }

    private void Complete(DeskRun desk, SimTicket? ticket)
    {
        if (ticket!.Stage == 0 && ticket.Draw.TransferTo is { } toTheme)
        {
            Transfer(desk, ticket, toTheme);
            return;
        }

        if (ticket.Stage == 0 && ticket.Draw.HoldMinutes is { } away)
        {
            Hold(desk, ticket, away);
            return;
        }

        var current = desk.Desk.BeginComplete();
        Line(ticket.Theme).Complete(current.TicketId, desk.Config.WindowNo, Done);
        desk.Desk.AfterComplete(Now);
        ticket.End = TicketEnd.Served;
    }
}

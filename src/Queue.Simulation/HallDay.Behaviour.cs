using Queue.Contracts.Commands;

namespace Queue.Simulation;

/// <summary>
/// A simulated hall-day, what follows a first service: 转办 (a transfer to another theme) and 容缺 (a hold, resumed when the
/// citizen comes back), each through the window's and the lines' own rules, in the order the window grain calls them.
/// </summary>
internal sealed partial class HallDay
{
    /// <summary>
    /// The window grain's transfer: <c>WindowDesk.BeginTransfer</c> → the old line's <c>TransferOut</c> → the new line's
    /// <c>AcceptTransfer</c> → the old line's <c>TransferDelivered</c> → <c>AfterRelease</c>. The ticket keeps its number and
    /// issue time and waits in the new theme's line.
    /// </summary>
    private void Transfer(DeskRun desk, SimTicket ticket, string toTheme)
    {
        var windowNo = desk.Config.WindowNo;
        var (current, target, toWindow) = desk.Desk.BeginTransfer(new TransferTicket(toTheme, null, "转办"));
        var from = Line(ticket.Theme);
        var moving = from.TransferOut(current.TicketId, windowNo, target, toWindow, "转办");
        var theme = _themeIndex[moving.ToTheme];
        Line(theme).AcceptTransfer(moving);
        Line(ticket.Theme).TransferDelivered(moving.TicketId);
        desk.Desk.AfterRelease(Now);
        ticket.MovedTo(theme);
        _waiting[theme]++;
        _tally.Line(_themeCodes[theme], _waiting[theme]);
    }

    /// <summary>The window grain's hold: <c>WindowDesk.BeginHold</c> → <c>ThemeLine.Hold</c> → <c>AfterRelease</c>; the citizen comes back after <paramref name="away"/> minutes.</summary>
    private void Hold(DeskRun desk, SimTicket ticket, double away)
    {
        var current = desk.Desk.BeginHold();
        Line(ticket.Theme).Hold(current.TicketId, desk.Config.WindowNo, "容缺");
        desk.Desk.AfterRelease(Now);
        ticket.Stage = 1;
        Schedule(_clock + away, DayEventKind.Resume, ticket.Index);
    }

    /// <summary>The citizen is back: <c>ThemeLine.ResumeHold</c> puts the ticket in line for the window that held it.</summary>
    private void Resume(SimTicket ticket)
    {
        Line(ticket.Theme).ResumeHold(ticket.TicketId!);
        _waiting[ticket.Theme]++;
        _tally.Line(_themeCodes[ticket.Theme], _waiting[ticket.Theme]);
    }
}

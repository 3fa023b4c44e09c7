using System.Globalization;
using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

public static partial class Refusals
{
    // Halls, themes, zones, windows, tickets, advice, charts
    public static QueueRuleException HallNotFound(string hallId) => Make(ProblemKind.NotFound, "hall-not-found", nameof(T.HallNotFound), hallId);

    public static QueueRuleException ThemeNotFound(string themeCode, string? hallId = null) => hallId is null
        ? Make(ProblemKind.NotFound, "theme-not-found", nameof(T.ThemeNotFound), themeCode)
        : Make(ProblemKind.NotFound, "theme-not-found", nameof(T.ThemeNotFoundInHall), hallId, themeCode);

    public static QueueRuleException ZoneNotFound(string hallId, string zoneId) => Make(ProblemKind.NotFound, "zone-not-found", nameof(T.ZoneNotFound), hallId, zoneId);

    public static QueueRuleException WindowNotFound(int windowNo) => Make(ProblemKind.NotFound, "window-not-found", nameof(T.WindowNotFound), windowNo);

    public static QueueRuleException WindowNotFound(string hallId, int windowNo) => Make(ProblemKind.NotFound, "window-not-found", nameof(T.WindowNotFoundInHall), hallId, windowNo);

    public static QueueRuleException TicketNotFound() => Make(ProblemKind.NotFound, "ticket-not-found", nameof(T.TicketNotFound));

    public static QueueRuleException AdviceNotFound(DateOnly date) =>
        Make(ProblemKind.NotFound, "advice-not-found", nameof(T.AdviceNotFound), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static QueueRuleException AdvicePast() => Make(ProblemKind.Conflict, "advice-past", nameof(T.AdvicePast));

    public static QueueRuleException AdviceNotApplied(DateOnly date) =>
        Make(ProblemKind.NotFound, "advice-not-applied", nameof(T.AdviceNotApplied), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static QueueRuleException AdvicePastUndo() => Make(ProblemKind.Conflict, "advice-past-undo", nameof(T.AdvicePastUndo));

    /// <summary>A custom tidal plan for a day whose plan is applied: undo it first.</summary>
    public static QueueRuleException TidalPlanApplied(string date) => Make(ProblemKind.Conflict, "tidal-plan-applied", nameof(T.TidalPlanApplied), date);

    /// <summary>A custom tidal plan names a window that is not tidal: only tidal windows switch by themselves.</summary>
    public static QueueRuleException TidalPlanNotTidal(int windowNo) => Make(ProblemKind.Unprocessable, "window-not-tidal", nameof(T.TidalPlanNotTidal), windowNo);

    /// <summary>A custom tidal plan gives a window a theme it does not serve, or an interval outside the hall's hours.</summary>
    public static QueueRuleException TidalPlanCell(int windowNo, int interval, string theme) =>
        Make(ProblemKind.Unprocessable, "invalid-plan-cell", nameof(T.TidalPlanCell), windowNo, interval, theme);

    public static QueueRuleException ChartFormat(string format) => Make(ProblemKind.NotFound, "chart-format", nameof(T.ChartFormat), format);

    public static QueueRuleException ChartNotFound(string name) => Make(ProblemKind.NotFound, "chart-not-found", nameof(T.ChartNotFound), name);

    // Tickets
    public static QueueRuleException RatingLevel() => Make(ProblemKind.Unprocessable, "rating-level", nameof(T.RatingLevel));

    public static QueueRuleException RateBeforeDone() => Make(ProblemKind.Conflict, "rate-before-done", nameof(T.RateBeforeDone));

    public static QueueRuleException AlreadyRated() => Make(ProblemKind.Conflict, "already-rated", nameof(T.AlreadyRated));

    public static QueueRuleException TicketClosed() => Make(ProblemKind.Conflict, "ticket-closed", nameof(T.TicketClosed));

    public static QueueRuleException HallClosed(TimeOnly opens, TimeOnly closes) =>
        Make(ProblemKind.Conflict, "hall-closed", nameof(T.HallClosed), opens.ToString("HH\\:mm", CultureInfo.InvariantCulture), closes.ToString("HH\\:mm", CultureInfo.InvariantCulture));

    /// <summary>Closed by the hall's calendar: says when it opens next (the day in each language, the time).</summary>
    public static QueueRuleException HallClosedUntil(string dayZh, string dayEn, string time) =>
        Make(ProblemKind.Conflict, "hall-closed", nameof(T.HallClosedUntil), dayZh, dayEn, time);

    /// <summary>Open, but past the theme's issue cut-off before closing: no ticket that cannot be served before closing.</summary>
    public static QueueRuleException IssueCutoff(string cutoff, string dayZh, string dayEn, string time) =>
        Make(ProblemKind.Conflict, "issue-cutoff", nameof(T.IssueCutoff), cutoff, dayZh, dayEn, time);

    /// <summary>Closed, and the calendar has no opening within a year.</summary>
    public static QueueRuleException HallClosedNoOpening() => Make(ProblemKind.Conflict, "hall-closed", nameof(T.HallClosedNoOpening));

    public static QueueRuleException RecallFirst(int recallsBeforeNoShow, int recallCount) =>
        Make(ProblemKind.Conflict, "recall-first", nameof(T.RecallFirst), recallsBeforeNoShow, recallCount);

    public static QueueRuleException RejoinOnce() => Make(ProblemKind.Unprocessable, "rejoin-once", nameof(T.RejoinOnce));

    /// <summary>The Chinese sentence says 该号票 (this ticket) and leaves the id out, as it always has.</summary>
    public static QueueRuleException NotAtWindow(string ticketId, int windowNo) => Make(ProblemKind.Conflict, "not-at-window", nameof(T.NotAtWindow), ticketId, windowNo);

    public static QueueRuleException CannotCancel(string displayNumber, TicketStatus status) => WrongTicketState(nameof(T.WrongTicketStateCancel), displayNumber, status);

    public static QueueRuleException CannotRejoin(string displayNumber, TicketStatus status) => WrongTicketState(nameof(T.WrongTicketStateRejoin), displayNumber, status);

    public static QueueRuleException CannotResume(string displayNumber, TicketStatus status) => WrongTicketState(nameof(T.WrongTicketStateResume), displayNumber, status);

    /// <summary>A command for a called ticket, refused because the ticket is already being served.</summary>
    public static QueueRuleException TicketBeingServed(string displayNumber, TicketStatus status) => WrongTicketState(nameof(T.WrongTicketStateServing), displayNumber, status);

    /// <summary>A command for a ticket being served, refused because its service has not started.</summary>
    public static QueueRuleException TicketNotStarted(string displayNumber, TicketStatus status) => WrongTicketState(nameof(T.WrongTicketStateNotServing), displayNumber, status);

    private static QueueRuleException WrongTicketState(string key, string displayNumber, TicketStatus status) =>
        Make(ProblemKind.Conflict, "wrong-ticket-state", key, displayNumber, status.ToString());

    // Windows
    public static QueueRuleException WindowOccupied(int windowNo, string? staffName) => Make(ProblemKind.Conflict, "window-occupied", nameof(T.WindowOccupied), windowNo, staffName);

    public static QueueRuleException TransferTarget() => Make(ProblemKind.Invalid, "transfer-target", nameof(T.TransferTarget));

    public static QueueRuleException TransferThemeNotFound(string toTheme) => Make(ProblemKind.Unprocessable, "theme-not-found", nameof(T.TransferThemeNotFound), toTheme);

    public static QueueRuleException TransferNowhere() => Make(ProblemKind.Unprocessable, "transfer-nowhere", nameof(T.TransferNowhere));

    public static QueueRuleException TransferSelf() => Make(ProblemKind.Unprocessable, "transfer-self", nameof(T.TransferSelf));

    public static QueueRuleException TransferWindowNotFound(int toWindow) => Make(ProblemKind.Unprocessable, "window-not-found", nameof(T.TransferWindowNotFound), toWindow);

    public static QueueRuleException WindowNotServing(int toWindow, string toTheme) => Make(ProblemKind.Unprocessable, "window-not-serving", nameof(T.WindowNotServing), toWindow, toTheme);

    public static QueueRuleException WindowClosed() => Make(ProblemKind.Conflict, "window-state", nameof(T.WindowClosed));

    public static QueueRuleException WindowPaused() => Make(ProblemKind.Conflict, "window-state", nameof(T.WindowPaused));

    public static QueueRuleException WindowTicketNotStarted(string? displayNumber) => Make(ProblemKind.Conflict, "window-state", nameof(T.WindowTicketNotStarted), displayNumber);

    public static QueueRuleException WindowFinishCurrent(string? displayNumber) => Make(ProblemKind.Conflict, "window-state", nameof(T.WindowFinishCurrent), displayNumber);

    public static QueueRuleException WindowNoTicket() => Make(ProblemKind.Conflict, "window-state", nameof(T.WindowNoTicket));
}

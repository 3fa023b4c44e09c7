using System.Collections.Immutable;
using Queue.Contracts.Cases;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;

namespace Queue.Domain.Cases;

/// <summary>
/// A hall's case book: opens a case for each journal event that calls for one (a real-name 差评: a rating of at most
/// <see cref="RatingsByWait.UnsatisfiedTo"/> whose ticket has a citizen key; a 没办成 completion), once per ticket and kind;
/// changes cases under <see cref="CaseRules"/>; and answers views, filters and counts at <paramref name="now"/>.
/// Deadlines are working days after the opening day on the hall calendar (<see cref="OpeningCalendar.AddWorkingDays"/>).
/// Case changes are journaled as <see cref="HallEventKind.CaseOpened"/> and <see cref="HallEventKind.CaseUpdated"/>.
/// </summary>
public sealed class CaseBook(CaseBookState state, HallConfig hall, DateTimeOffset now)
{
    public const string SystemActor = "system";

    private readonly OpeningCalendar calendar = new(hall);

    public DateOnly Today => BusinessClock.Day(now, calendar.TimeZone);

    /// <summary>True when a change to the state needs writing.</summary>
    public bool Dirty { get; private set; }

    public static bool OpensFollowUp(HallEvent e) =>
        e is { Kind: HallEventKind.TicketRated, RealName: true, Rating: { } level, TicketId: not null } && RatingsByWait.IsUnsatisfied(level);

    public static bool OpensNotDone(HallEvent e) => e is { Kind: HallEventKind.ServiceCompleted, Outcome: ServiceOutcome.NotDone, TicketId: not null };

    /// <summary>Reads journal events in sequence order, opening what they call for; moves the cursor. Returns the cases opened.</summary>
    public int Read(IEnumerable<HallEvent> events)
    {
        var opened = 0;
        foreach (var e in events.Where(e => e.Sequence > state.Cursor).OrderBy(e => e.Sequence))
        {
            state.Cursor = e.Sequence;
            CaseKind? kind = OpensFollowUp(e) ? CaseKind.FollowUp : OpensNotDone(e) ? CaseKind.NotDone : null;
            if (kind is { } k && state.Opened.Add(e.TicketId + "|" + k))
            {
                Open(e, k);
                opened++;
            }
        }

        return opened;
    }

    public CaseView Update(string caseId, CaseUpdate update)
    {
        var record = Find(caseId);
        if (update.Status is { } to && !CaseRules.Allows(record.Kind, record.Status, to))
        {
            throw Refusals.CaseTransition(caseId, record.Status.ToString(), to.ToString());
        }

        var status = update.Status is { } s && s != record.Status ? s : (CaseStatus?)null;
        var assignee = update.Assignee is { } a && a != (record.Assignee ?? "") ? a : null;
        var department = update.Department is { } d && d != (record.Department ?? "") ? d : null;
        var note = string.IsNullOrEmpty(update.Note) ? null : update.Note;
        if (status is null && assignee is null && department is null && note is null)
        {
            return View(record);
        }

        record.Status = status ?? record.Status;
        record.Assignee = assignee is null ? record.Assignee : Blank(assignee);
        record.Department = department is null ? record.Department : Blank(department);
        record.ClosedAt = status == CaseStatus.Closed ? now : record.ClosedAt;
        record.History.Add(new CaseChange(now, update.By, status, assignee, department, note));
        Emit(HallEventKind.CaseUpdated, record, e => e with { Reason = note, StaffId = update.By });
        return View(record);
    }

    public CaseView Get(string caseId) => View(Find(caseId));

    public CaseList List(CaseQuery query)
    {
        var today = Today;
        var matching = state.Cases.Where(c => Matches(c, query, today)).OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.CaseId).ToList();
        return new CaseList(
            hall.HallId, today, matching.Count, matching.Count(c => CaseRules.IsOverdue(c.Status, c.Deadline, today)), query.Offset, query.Limit,
            [.. matching.Skip(query.Offset).Take(query.Limit).Select(View)]);
    }

    public CaseCounts Counts()
    {
        var today = Today;
        int Count(CaseKind kind, bool overdue) => state.Cases.Count(c =>
            c.Kind == kind && c.Status != CaseStatus.Closed && (!overdue || CaseRules.IsOverdue(c.Status, c.Deadline, today)));
        return new CaseCounts(hall.HallId, Count(CaseKind.FollowUp, false), Count(CaseKind.FollowUp, true), Count(CaseKind.NotDone, false), Count(CaseKind.NotDone, true));
    }

    public CaseView View(CaseRecord c)
    {
        var today = Today;
        var theme = hall.FindTheme(c.ThemeCode);
        return new CaseView(
            c.CaseId, c.Kind, c.Status, c.OpenedAt, c.Deadline, CaseRules.IsOverdue(c.Status, c.Deadline, today), CaseRules.DaysOverdue(c.Status, c.Deadline, today),
            c.DisplayNumber, c.ThemeCode, theme?.Name, theme?.NameEn, c.WindowNo, c.StaffId, c.Level, c.Comment, c.CitizenName, c.Assignee, c.Department,
            c.ClosedAt, [.. c.History], [.. CaseRules.Next(c.Kind, c.Status)]);
    }

    /// <summary>The deadline of a case of <paramref name="kind"/> opened at <paramref name="openedAt"/> under the hall's settings.</summary>
    public DateOnly Deadline(CaseKind kind, DateTimeOffset openedAt) => calendar.AddWorkingDays(
        BusinessClock.Day(openedAt, calendar.TimeZone),
        kind == CaseKind.FollowUp ? state.Settings.FollowUpWorkingDays : state.Settings.NotDoneWorkingDays);

    private void Open(HallEvent e, CaseKind kind)
    {
        var record = new CaseRecord
        {
            CaseId = "C" + (++state.LastNumber).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            Kind = kind,
            Status = CaseRules.Initial(kind),
            TicketId = e.TicketId!,
            DisplayNumber = e.DisplayNumber,
            ThemeCode = e.ThemeCode ?? "",
            WindowNo = e.WindowNo,
            StaffId = e.StaffId,
            Level = kind == CaseKind.FollowUp ? e.Rating : null,
            Comment = e.Reason,
            CitizenName = e.CitizenName,
            OpenedAt = e.At,
            Deadline = Deadline(kind, e.At),
        };
        record.History.Add(new CaseChange(now, SystemActor, record.Status, null, null, null));
        state.Cases.Add(record);
        Emit(HallEventKind.CaseOpened, record, x => x with { TicketId = record.TicketId, StaffId = record.StaffId });
    }

    private bool Matches(CaseRecord c, CaseQuery q, DateOnly today) =>
        (q.Kind is null || c.Kind == q.Kind) &&
        (q.Status is null || c.Status == q.Status) &&
        (q.Overdue is null || CaseRules.IsOverdue(c.Status, c.Deadline, today) == q.Overdue) &&
        (q.ThemeCode is null || c.ThemeCode == q.ThemeCode) &&
        (q.WindowNo is null || c.WindowNo == q.WindowNo) &&
        (q.StaffId is null || c.StaffId == q.StaffId) &&
        (q.From is null || BusinessClock.Day(c.OpenedAt, calendar.TimeZone) >= q.From) &&
        (q.To is null || BusinessClock.Day(c.OpenedAt, calendar.TimeZone) <= q.To);

    private CaseRecord Find(string caseId) => state.Cases.FirstOrDefault(c => c.CaseId == caseId) ?? throw Refusals.CaseNotFound(caseId);

    private void Emit(HallEventKind kind, CaseRecord c, Func<HallEvent, HallEvent> enrich)
    {
        var e = new HallEvent(
            hall.HallId, 0, now, kind, DisplayNumber: c.DisplayNumber, ThemeCode: c.ThemeCode, WindowNo: c.WindowNo,
            CaseId: c.CaseId, CaseStatus: c.Status, CaseAssignee: c.Assignee, CaseKind: c.Kind);
        state.PendingEvents.Add(enrich(e));
        Dirty = true;
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

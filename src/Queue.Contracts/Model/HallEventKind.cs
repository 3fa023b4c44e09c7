namespace Queue.Contracts.Model;

[GenerateSerializer]
public enum HallEventKind
{
    TicketIssued = 0,
    TicketCalled = 1,
    TicketRecalled = 2,
    ServiceStarted = 3,
    ServiceCompleted = 4,
    TicketNoShow = 5,
    TicketRejoined = 6,
    TicketTransferred = 7,
    TicketHeld = 8,
    TicketResumed = 9,
    TicketCancelled = 10,
    TicketExpired = 11,
    TicketRated = 12,
    WindowOpened = 13,
    WindowPaused = 14,
    WindowResumed = 15,
    WindowClosed = 16,
    WindowProfileChanged = 17,
    HallConfigured = 18,

    /// <summary>The SLA guardian projects (or sees) a breach of a theme's wait target; carries the advice.</summary>
    SlaAlert = 19,

    /// <summary>A theme's projected wait is back within its target.</summary>
    SlaResolved = 20,

    /// <summary>A manager applied a tidal plan for a day; tidal windows follow it from then on.</summary>
    TidalPlanApplied = 21,

    /// <summary>A manager undid the day's applied tidal plan; tidal windows are back on their configured profiles.</summary>
    TidalPlanUndone = 22,

    /// <summary>A citizen (or staff for one, 帮办) booked a slot: <see cref="Events.HallEvent.BookingId"/>, theme, slot start, channel.</summary>
    BookingConfirmed = 30,

    /// <summary>A booking was cancelled by its holder or staff; its slot is free again.</summary>
    BookingCancelled = 31,

    /// <summary>A booking moved to another slot: the old booking's id; <see cref="Events.HallEvent.Reason"/> names the new booking's id.</summary>
    BookingRescheduled = 32,

    /// <summary>A booking checked in on time: it carries the appointment ticket it issued.</summary>
    BookingCheckedIn = 33,

    /// <summary>A booking checked in after its window: it became an ordinary ticket (carried) and counts as late.</summary>
    BookingLate = 34,

    /// <summary>A case was opened from the journal (a real-name 差评's follow-up or a 没办成): CaseId, CaseKind, CaseStatus, the ticket.</summary>
    CaseOpened = 40,

    /// <summary>A manager changed a case: CaseId, the new CaseStatus, CaseAssignee and CaseDepartment; the note in Reason, who in StaffId.</summary>
    CaseUpdated = 41,

    /// <summary>A remote ticket's holder checked in at the hall's entrance with its rotating code (线上取号到厅签到).</summary>
    TicketArrived = 55,
}

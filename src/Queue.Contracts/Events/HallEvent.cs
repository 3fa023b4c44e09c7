using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Contracts.Events;

/// <summary>
/// One state change in a hall. <see cref="Sequence"/> is hall-wide and gap-free: it is assigned in the same
/// database transaction that persists the change, so an acknowledged change always has its event and a
/// failed one never does. A rating (<see cref="HallEventKind.TicketRated"/>) carries its comment in <see cref="Reason"/>,
/// the ticket's wait from issue to first call in <see cref="WaitSeconds"/>, the window and staff that served it, and the
/// citizen's masked name when one was given (<see cref="CitizenName"/>; older ratings have none of these); a call and a
/// recall carry that masked name too, for the boards (older calls have none). A change a
/// manager made from a page (a saved configuration, an applied or undone SLA move) names them in <see cref="ActorId"/>
/// with a short zh/en <see cref="Summary"/> of what changed; a saved configuration carries its new <see cref="ConfigVersion"/>. An issue
/// (<see cref="HallEventKind.TicketIssued"/>) carries the citizen's keyed hash when one was given (<see cref="CitizenKey"/>,
/// for the one-trip rate); it never leaves the silo's readers (the live screens and the events API drop it).
/// A booking's events (30–34) carry <see cref="BookingId"/> and its slot's start (<see cref="SlotStart"/>); a check-in the ticket it issued.
/// <see cref="RealName"/> is true on an issue (and a rating) whose ticket has a citizen key: what makes a 差评 "real-name".
/// Case events (<see cref="HallEventKind.CaseOpened"/>, <see cref="HallEventKind.CaseUpdated"/>) carry the case's id, kind,
/// status and assignee (a 没办成 case's owner), the note in <see cref="Reason"/> and who changed it in <see cref="StaffId"/>;
/// the department stays in the case's own history. None of these reach a live screen.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HallEvent(
    [property: Id(0)] string HallId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] HallEventKind Kind,
    [property: Id(4)] string? TicketId = null,
    [property: Id(5)] string? DisplayNumber = null,
    [property: Id(6)] string? ThemeCode = null,
    [property: Id(7)] int? WindowNo = null,
    [property: Id(8)] PriorityClass? Priority = null,
    [property: Id(9)] IssueChannel? Channel = null,
    [property: Id(10)] string? ToThemeCode = null,
    [property: Id(11)] int? ToWindowNo = null,
    [property: Id(12)] ServiceOutcome? Outcome = null,
    [property: Id(13)] string? Reason = null,
    [property: Id(14)] double? WaitSeconds = null,
    [property: Id(15)] double? ServiceSeconds = null,
    [property: Id(16)] int? Rating = null,
    [property: Id(17)] string? StaffId = null,
    [property: Id(18)] SlaAlert? Alert = null,
    [property: Id(19)] string? CitizenName = null,
    [property: Id(30)] string? ActorId = null,
    [property: Id(31)] string? Summary = null,
    [property: Id(32)] int? ConfigVersion = null,
    [property: Id(37)] string? CitizenKey = null,
    [property: Id(20)] string? BookingId = null,
    [property: Id(21)] DateTimeOffset? SlotStart = null,
    [property: Id(25)] bool? RealName = null,
    [property: Id(26)] string? CaseId = null,
    [property: Id(27)] CaseStatus? CaseStatus = null,
    [property: Id(28)] string? CaseAssignee = null,
    [property: Id(29)] CaseKind? CaseKind = null);

using System.Collections.Immutable;
using Queue.Contracts.Model;

namespace Queue.Contracts.Cases;

/// <summary>
/// One case as the manager reads it: what opened it (the ticket's number, theme, window, staff, the rating's level and
/// comment or the 没办成's reason, the masked citizen name), who holds it (assignee; for a 没办成 the owner and the
/// department), its status, its deadline (the last working day, counted on the hall calendar) and whether it is past it
/// (<see cref="DaysOverdue"/> calendar days after the deadline day), its history (who changed what, when), and the statuses it
/// may move to next (<see cref="Next"/>, from the domain's rules, so that a page offers only those).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CaseView(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CaseKind Kind,
    [property: Id(2)] CaseStatus Status,
    [property: Id(3)] DateTimeOffset OpenedAt,
    [property: Id(4)] DateOnly Deadline,
    [property: Id(5)] bool Overdue,
    [property: Id(6)] int DaysOverdue,
    [property: Id(7)] string? DisplayNumber,
    [property: Id(8)] string ThemeCode,
    [property: Id(9)] string? ThemeName,
    [property: Id(10)] string? ThemeNameEn,
    [property: Id(11)] int? WindowNo,
    [property: Id(12)] string? StaffId,
    [property: Id(13)] int? Level,
    [property: Id(14)] string? Comment,
    [property: Id(15)] string? CitizenName,
    [property: Id(16)] string? Assignee,
    [property: Id(17)] string? Department,
    [property: Id(18)] DateTimeOffset? ClosedAt,
    [property: Id(19)] ImmutableArray<CaseChange> History,
    [property: Id(20)] ImmutableArray<CaseStatus> Next);

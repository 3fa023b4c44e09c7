using Queue.Contracts.Model;

namespace Queue.Domain.Cases;

/// <summary>
/// The statuses of the two kinds of case and the moves between them. A follow-up (回访整改): 待回访 → 已回访 → 整改中 → 已办结,
/// or 已回访 → 已办结 when nothing needs rectifying. A 没办成 case: 待处理 → 当场补办 / 移交 / 已答复 / 已办结, 移交 → 已答复 / 已办结,
/// 当场补办 and 已答复 → 已办结. 已办结 is final. Staying in the same status is no move (a note or a new assignee).
/// </summary>
public static class CaseRules
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> FollowUp = new()
    {
        [CaseStatus.Pending] = [CaseStatus.CalledBack],
        [CaseStatus.CalledBack] = [CaseStatus.Rectifying, CaseStatus.Closed],
        [CaseStatus.Rectifying] = [CaseStatus.Closed],
        [CaseStatus.Closed] = [],
    };

    private static readonly Dictionary<CaseStatus, CaseStatus[]> NotDone = new()
    {
        [CaseStatus.Open] = [CaseStatus.DoneOnSpot, CaseStatus.Referred, CaseStatus.Answered, CaseStatus.Closed],
        [CaseStatus.DoneOnSpot] = [CaseStatus.Closed],
        [CaseStatus.Referred] = [CaseStatus.Answered, CaseStatus.Closed],
        [CaseStatus.Answered] = [CaseStatus.Closed],
        [CaseStatus.Closed] = [],
    };

    public static CaseStatus Initial(CaseKind kind) => kind == CaseKind.FollowUp ? CaseStatus.Pending : CaseStatus.Open;

    /// <summary>The statuses a case of <paramref name="kind"/> can have.</summary>
    public static IReadOnlyCollection<CaseStatus> Statuses(CaseKind kind) => Moves(kind).Keys;

    /// <summary>Where a case of <paramref name="kind"/> may go from <paramref name="from"/>.</summary>
    public static IReadOnlyList<CaseStatus> Next(CaseKind kind, CaseStatus from) =>
        Moves(kind).TryGetValue(from, out var next) ? next : [];

    public static bool Allows(CaseKind kind, CaseStatus from, CaseStatus to) => from == to ? Moves(kind).ContainsKey(to) : Next(kind, from).Contains(to);

    /// <summary>A case past its deadline: not closed, and today is after the deadline's last working day.</summary>
    public static bool IsOverdue(CaseStatus status, DateOnly deadline, DateOnly today) => status != CaseStatus.Closed && today > deadline;

    /// <summary>Calendar days past the deadline day (0 when not overdue).</summary>
    public static int DaysOverdue(CaseStatus status, DateOnly deadline, DateOnly today) =>
        IsOverdue(status, deadline, today) ? today.DayNumber - deadline.DayNumber : 0;

    private static Dictionary<CaseStatus, CaseStatus[]> Moves(CaseKind kind) => kind == CaseKind.FollowUp ? FollowUp : NotDone;
}

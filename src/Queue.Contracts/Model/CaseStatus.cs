namespace Queue.Contracts.Model;

/// <summary>
/// A case's status. A follow-up (回访整改) runs 待回访 → 已回访 → 整改中 → 已办结; a 没办成 case runs 待处理 → 当场补办 / 移交 /
/// 已答复 → 已办结. Which moves are allowed is Queue.Domain's CaseRules; <see cref="Closed"/> ends both.
/// </summary>
[GenerateSerializer]
public enum CaseStatus
{
    /// <summary>待回访 (follow-up, initial).</summary>
    Pending = 0,

    /// <summary>已回访: the citizen was called back.</summary>
    CalledBack = 1,

    /// <summary>整改中: rectification under way.</summary>
    Rectifying = 2,

    /// <summary>待处理 (没办成, initial).</summary>
    Open = 3,

    /// <summary>当场补办: made good on the spot (e.g. the missing material sent in).</summary>
    DoneOnSpot = 4,

    /// <summary>移交: handed to the department that can do it (e.g. the complaint and proxy window).</summary>
    Referred = 5,

    /// <summary>已答复: the citizen got an answer.</summary>
    Answered = 6,

    /// <summary>已办结: closed; no deadline runs any more.</summary>
    Closed = 7,
}

using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of the case book (回访整改 and 没办成 cases).</summary>
public static partial class Refusals
{
    public static QueueRuleException CaseNotFound(string caseId) => Make(ProblemKind.NotFound, "case-not-found", nameof(T.CaseNotFound), caseId);

    /// <summary>A status move the case's kind does not allow (from 已办结, 待回访 straight to 整改中, or a status of the other kind); arguments are CaseStatus names.</summary>
    public static QueueRuleException CaseTransition(string caseId, string from, string to) =>
        Make(ProblemKind.Conflict, "case-transition", nameof(T.CaseTransition), caseId, from, to);
}

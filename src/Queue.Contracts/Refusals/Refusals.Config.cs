using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of the configuration pages and of acting on advice (an SLA alert's move and its undo).</summary>
public static partial class Refusals
{
    /// <summary>Someone saved the configuration after this editor loaded it (optimistic concurrency): 409.</summary>
    public static QueueRuleException ConfigVersionConflict(int current, int edited) =>
        Make(ProblemKind.Conflict, "config-version", nameof(T.ConfigVersionConflict), current, edited);

    public static QueueRuleException ConfigVersionFormat() => Make(ProblemKind.Invalid, "config-version-format", nameof(T.ConfigVersionFormat));

    public static QueueRuleException AlertNotFound(string themeCode) => Make(ProblemKind.NotFound, "alert-not-found", nameof(T.AlertNotFound), themeCode);

    public static QueueRuleException AlertNoMove(string themeCode) => Make(ProblemKind.Conflict, "alert-no-move", nameof(T.AlertNoMove), themeCode);

    public static QueueRuleException NothingToUndo(int windowNo) => Make(ProblemKind.Conflict, "nothing-to-undo", nameof(T.NothingToUndo), windowNo);
}

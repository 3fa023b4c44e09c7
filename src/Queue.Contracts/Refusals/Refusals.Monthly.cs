using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of the monthly report (月度报告).</summary>
public static partial class Refusals
{
    /// <summary>The month is not yyyy-MM between 2000 and 2100 (400).</summary>
    public static QueueRuleException ReportMonth(string value) => Make(ProblemKind.Invalid, "invalid-month", nameof(T.ReportMonth), value);

    /// <summary>The month has not begun yet in the hall's time zone (422).</summary>
    public static QueueRuleException ReportFutureMonth(string month) => Make(ProblemKind.Unprocessable, "future-month", nameof(T.ReportFutureMonth), month);
}

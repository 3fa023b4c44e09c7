namespace Queue.Domain.Analytics;

/// <summary>
/// A hall's day in the big screen's figures: 取号 (issued), 叫号 (called), 办结 (completed), average and longest wait,
/// 30分钟达标率 (share of calls within 30 minutes) and 满意率 (share of ratings 4 or 5). Shares are 0 with nothing to divide.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DailyKpi(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] long Issued,
    [property: Id(2)] long Called,
    [property: Id(3)] long Completed,
    [property: Id(4)] double AverageWaitSeconds,
    [property: Id(5)] double MaxWaitSeconds,
    [property: Id(6)] double OnTimeShare,
    [property: Id(7)] double SatisfiedShare);

namespace Queue.Contracts.Analytics;

/// <summary>
/// The big screen's tiles for one day: 今日取号 (issued), 已办结 (completed), 当前等待 (waiting now, from the hall snapshot),
/// 平均等待 (over the calls of the day), 最长等待 (the longest of the day's called waits and the current waits of those still
/// waiting), 30分钟达标率 (calls within target ÷ (calls + tickets still waiting already past target: LateWaitingNow); a ticket
/// still waiting within its target counts neither way yet) and 满意率 (share of ratings 4 or 5). Shares are 0 when there is
/// nothing to divide by.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HallKpis(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] long Issued,
    [property: Id(3)] long Called,
    [property: Id(4)] long Completed,
    [property: Id(5)] int WaitingNow,
    [property: Id(6)] double AverageWaitSeconds,
    [property: Id(7)] double MaxWaitSeconds,
    [property: Id(8)] double OnTimeShare,
    [property: Id(9)] long Rated,
    [property: Id(10)] double SatisfiedShare,
    [property: Id(11)] double LongestWaitingNowMinutes,
    [property: Id(12)] DateTimeOffset At,
    [property: Id(13)] int LateWaitingNow = 0);

namespace Queue.Contracts.Snapshots;

/// <summary>
/// One theme's line: how many wait, how long the longest has waited, the projected wait for a newcomer (null when no open
/// window serves the line: ServingWindows is then 0; ProjectedWaitLow–ProjectedWaitHigh is its range), and how many of those waiting are already past the target (LateWaiting).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ThemeQueueSnapshot(
    [property: Id(0)] string ThemeCode,
    [property: Id(1)] int Waiting,
    [property: Id(2)] int OnHold,
    [property: Id(3)] int InService,
    [property: Id(4)] int IssuedToday,
    [property: Id(5)] int CompletedToday,
    [property: Id(6)] double LongestWaitMinutes,
    [property: Id(7)] double? ProjectedWaitMinutes,
    [property: Id(8)] double AverageServiceMinutes,
    [property: Id(9)] double ServingWindows,
    [property: Id(10)] int TargetMinutes,
    [property: Id(11)] int LateWaiting = 0,
    [property: Id(12)] double? ProjectedWaitLow = null,
    [property: Id(13)] double? ProjectedWaitHigh = null);

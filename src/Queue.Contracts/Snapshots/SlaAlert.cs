using Queue.Contracts.Model;

namespace Queue.Contracts.Snapshots;

/// <summary>
/// An SLA alert for one theme, with a concrete move when one exists: switch <see cref="SuggestedWindowNo"/> from
/// <see cref="FromTheme"/> to this theme ("把7号窗口从QYKB调到BDC"). <see cref="ProjectedWaitMinutes"/> is the theme's
/// predicted wait for a newcomer (the central figure of the one estimate, as in the theme's snapshot; -1 when no open window
/// serves the line) and <see cref="ProjectedWaitLow"/>–<see cref="ProjectedWaitHigh"/> the range the board shows.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SlaAlert(
    [property: Id(0)] string HallId,
    [property: Id(1)] string ThemeCode,
    [property: Id(2)] SlaSeverity Severity,
    [property: Id(3)] double ProjectedWaitMinutes,
    [property: Id(4)] double LongestWaitMinutes,
    [property: Id(5)] int TargetMinutes,
    [property: Id(6)] int? SuggestedWindowNo,
    [property: Id(7)] string? FromTheme,
    [property: Id(8)] string MessageZh,
    [property: Id(9)] string MessageEn,
    [property: Id(10)] DateTimeOffset Since,
    [property: Id(11)] double? ProjectedWaitLow = null,
    [property: Id(12)] double? ProjectedWaitHigh = null);

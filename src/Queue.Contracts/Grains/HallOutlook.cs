using System.Collections.Immutable;
using Queue.Contracts.Snapshots;

namespace Queue.Contracts.Grains;

/// <summary>
/// What the hall hands a theme with a snapshot call, so that the theme works out its serving capacity without calling
/// the hall back: the windows of the roster, every theme's last reported load in the hall's order, and the hall's latest
/// forward forecast for this theme. The theme puts its own current load in place of its entry.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HallOutlook(
    [property: Id(0)] ImmutableArray<WindowSnapshot> Windows,
    [property: Id(1)] ImmutableArray<ThemeLoad> Loads,
    [property: Id(2)] ThemeWaitForecast? Forecast);

/// <summary>A theme's figures for the hall snapshot and the load they were worked out with (the hall keeps it for the next capacity ask).</summary>
[GenerateSerializer, Immutable]
public sealed record ThemeStatsReply(
    [property: Id(0)] ThemeQueueSnapshot Stats,
    [property: Id(1)] ThemeLoad Load);

using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>
/// One person's, window's or theme's figures over a period (统一绩效考核): services completed and their average handle
/// time, the 没办成 among them and their share, the ratings given (count and average, 1–5), transfers out, pauses (count,
/// time, and per reason) and the time open and the time idle while people waited in a theme the window serves. A theme's row
/// has no pauses, open or idle time (those belong to windows): they are null there. <see cref="Key"/> is the staff id
/// (empty: a service no account was named for), the window number or the theme code.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PerformanceRow(
    [property: Id(0)] string Key,
    [property: Id(1)] int Served,
    [property: Id(2)] double AverageHandleSeconds,
    [property: Id(3)] int NotDone,
    [property: Id(4)] double NotDoneShare,
    [property: Id(5)] int Ratings,
    [property: Id(6)] double? AverageRating,
    [property: Id(7)] int Transfers,
    [property: Id(8)] int? Pauses,
    [property: Id(9)] double? PauseSeconds,
    [property: Id(10)] ImmutableArray<PauseFigure> PausesByReason,
    [property: Id(11)] double? OpenSeconds,
    [property: Id(12)] double? IdleWhileWaitingSeconds);

using System.Collections.Immutable;

namespace Queue.Contracts.Snapshots;

/// <summary>
/// A theme's line at a moment, for the forward wait prediction: the waiting tickets in the order they will be called
/// (priority first, then the line), the rolling mean service time and the tickets issued so far today.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LineState(
    [property: Id(0)] string ThemeCode,
    [property: Id(1)] ImmutableArray<WaitingTicket> Waiting,
    [property: Id(2)] double AverageServiceMinutes,
    [property: Id(3)] int IssuedToday,
    [property: Id(4)] DateTimeOffset At);

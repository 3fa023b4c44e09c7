using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>
/// A day's outcomes: the counts from the time series (live and demo history), and the "跑一次没办成" list with reasons
/// from the hall's journal, which holds live tickets only (demo history has counts but no journal).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NotDoneReport(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] long Completed,
    [property: Id(3)] long Done,
    [property: Id(4)] long NotDone,
    [property: Id(5)] ImmutableArray<NotDoneTicket> Tickets);

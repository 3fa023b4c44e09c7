namespace Queue.Contracts.Analytics;

/// <summary>A service that ended 没办成 ("跑一次没办成"): the citizen came and left without the matter done.</summary>
[GenerateSerializer, Immutable]
public sealed record NotDoneTicket(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string? DisplayNumber,
    [property: Id(2)] string Theme,
    [property: Id(3)] int WindowNo,
    [property: Id(4)] string? Reason,
    [property: Id(5)] string? StaffId);

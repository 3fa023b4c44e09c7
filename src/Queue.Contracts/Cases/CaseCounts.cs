namespace Queue.Contracts.Cases;

/// <summary>The big screen's line: open cases and those past their deadline, per kind (no names, no tickets).</summary>
[GenerateSerializer, Immutable]
public sealed record CaseCounts(
    [property: Id(0)] string HallId,
    [property: Id(1)] int OpenFollowUps,
    [property: Id(2)] int OverdueFollowUps,
    [property: Id(3)] int OpenNotDone,
    [property: Id(4)] int OverdueNotDone);

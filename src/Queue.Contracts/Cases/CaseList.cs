using System.Collections.Immutable;

namespace Queue.Contracts.Cases;

/// <summary>A page of cases: <see cref="Matching"/> cases pass the filter, <see cref="OverdueMatching"/> of them overdue; <see cref="Items"/> from <see cref="Offset"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseList(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly Today,
    [property: Id(2)] int Matching,
    [property: Id(3)] int OverdueMatching,
    [property: Id(4)] int Offset,
    [property: Id(5)] int Limit,
    [property: Id(6)] ImmutableArray<CaseView> Items);

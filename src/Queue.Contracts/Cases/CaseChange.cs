using Queue.Contracts.Model;

namespace Queue.Contracts.Cases;

/// <summary>One change of a case: when, by whom (account id), and what it set (null: unchanged); the first is the opening.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] CaseStatus? Status,
    [property: Id(3)] string? Assignee,
    [property: Id(4)] string? Department,
    [property: Id(5)] string? Note);

using Queue.Contracts.Model;

namespace Queue.Contracts.Cases;

/// <summary>
/// A manager's change of a case: each field left null stays as it is; an empty assignee or department clears it. A note
/// is added to the history. <see cref="By"/> is the caller's account id, set by the web tier.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CaseUpdate(
    [property: Id(0)] string By,
    [property: Id(1)] CaseStatus? Status = null,
    [property: Id(2)] string? Assignee = null,
    [property: Id(3)] string? Department = null,
    [property: Id(4)] string? Note = null);

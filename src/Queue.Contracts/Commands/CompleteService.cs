using Queue.Contracts.Model;

namespace Queue.Contracts.Commands;

/// <summary>Finish serving the window's ticket: 办结 (Done) or 没办成 (NotDone, with a reason such as missing materials).</summary>
[GenerateSerializer, Immutable]
public sealed record CompleteService(
    [property: Id(0)] ServiceOutcome Outcome,
    [property: Id(1)] string? Reason);

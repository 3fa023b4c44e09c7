using Queue.Contracts.Model;

namespace Queue.Contracts.Commands;

/// <summary>
/// Finish serving the window's ticket: 办结 (Done) or 没办成 (NotDone, with a reason such as missing materials).
/// <see cref="StaffId"/> is set by the window, never by the caller: the account signed in there, journaled with the completion.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CompleteService(
    [property: Id(0)] ServiceOutcome Outcome,
    [property: Id(1)] string? Reason,
    [property: Id(2)] string? StaffId = null);

namespace Queue.Contracts.Model;

/// <summary>
/// A window's profile changed by a manager acting on advice (an SLA alert's move, or its undo): who, and a short zh/en
/// summary for the journal. An applied move (<see cref="Undo"/> false) can be undone.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProfileMove(
    [property: Id(0)] string ActorId,
    [property: Id(1)] string Summary,
    [property: Id(2)] bool Undo = false);

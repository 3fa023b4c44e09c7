using Queue.Contracts.Events;

namespace Queue.Domain;

/// <summary>
/// A grain state that carries the hall events of its latest change. <see cref="QueueGrainStorage"/> commits
/// them in the same transaction as the state, assigns their hall-wide sequence numbers, and moves them to
/// <see cref="CommittedEvents"/>. Neither list is part of the persisted payload (they have no [Id]).
/// </summary>
public interface IHallEventSource
{
    List<HallEvent> PendingEvents { get; }

    List<HallEvent> CommittedEvents { get; }
}

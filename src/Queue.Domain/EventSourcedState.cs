using Queue.Contracts.Events;

namespace Queue.Domain;

/// <summary>Base for grain states that emit hall events: the two event lists, never persisted.</summary>
[GenerateSerializer]
public abstract class EventSourcedState : IHallEventSource
{
    [NonSerialized] private readonly List<HallEvent> _pendingEvents = [];
    [NonSerialized] private readonly List<HallEvent> _committedEvents = [];

    public List<HallEvent> PendingEvents => _pendingEvents;

    public List<HallEvent> CommittedEvents => _committedEvents;

    /// <summary>
    /// False in the hall-day simulator, which runs the same rules with no journal behind them: the rules of a line
    /// (<see cref="ThemeLine"/>) and of a window (<see cref="WindowDesk"/>) then change the state as always but build no
    /// event (they were a sixth of what a forward prediction allocated, and the simulator dropped them at once).
    /// </summary>
    [field: NonSerialized]
    public bool Journaled { get; init; } = true;
}

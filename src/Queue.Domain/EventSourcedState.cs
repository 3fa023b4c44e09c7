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
}

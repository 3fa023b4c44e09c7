using Queue.Contracts.Events;
using Queue.Silo.Persistence;

namespace Queue.Silo.Grains;

/// <summary>Base for grain states that emit hall events: the two event lists, never persisted.</summary>
[GenerateSerializer]
public abstract class EventSourcedState : IHallEventSource
{
    [NonSerialized] private readonly List<HallEvent> _pendingEvents = [];
    [NonSerialized] private readonly List<HallEvent> _committedEvents = [];

    public List<HallEvent> PendingEvents => _pendingEvents;

    public List<HallEvent> CommittedEvents => _committedEvents;
}

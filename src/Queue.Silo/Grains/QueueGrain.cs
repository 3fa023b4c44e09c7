using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Silo.Persistence;

namespace Queue.Silo.Grains;

/// <summary>
/// A grain whose state is written with its events in one transaction. If a write fails the in-memory state
/// is ahead of the stored one, so the activation is dropped and the next call starts from what was stored.
/// </summary>
public abstract class QueueGrain<TState>(IPersistentState<TState> state) : Grain
    where TState : IHallEventSource
{
    protected IPersistentState<TState> Persisted { get; } = state;

    protected TState State => Persisted.State;

    protected async Task SaveAsync()
    {
        try
        {
            await Persisted.WriteStateAsync();
        }
        catch
        {
            State.PendingEvents.Clear();
            DeactivateOnIdle();
            throw;
        }

        if (State.CommittedEvents.Count > 0)
        {
            var last = State.CommittedEvents[^1];
            State.CommittedEvents.Clear();
            await GrainFactory.GetGrain<IHallGrain>(last.HallId).EventsCommittedAsync(last.Sequence);
        }
    }

    protected static QueueRuleException HallNotFound(string hallId) =>
        QueueRuleException.NotFound("hall-not-found", $"找不到大厅 {hallId}", $"Hall {hallId} not found");
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Hosting;
using Queue.Engine.Persistence;

namespace Queue.Engine.Grains;

/// <summary>
/// A grain whose state is written with its events in one transaction. If a write fails the in-memory state
/// is ahead of the stored one, so the activation refuses further commands and is dropped; the next call
/// starts from what was stored.
/// </summary>
public abstract class QueueGrain<TState>(IPersistentState<TState> state) : Grain
    where TState : IHallEventSource
{
    private Task? _writing;
    private Task? _nextWrite;
    private Exception? _broken;
    private (string HallId, IHallGrain Grain)? _hall;

    protected IPersistentState<TState> Persisted { get; } = state;

    protected TState State => Persisted.State;

    /// <summary>
    /// Persists the state as it is now, with its pending events, and completes once a write that includes every
    /// change made so far has committed. Callers that arrive while a write is in flight share the next write
    /// (per-grain group commit: a reentrant grain with many concurrent commands pays one commit for them all).
    /// </summary>
    protected Task SaveAsync()
    {
        if (_broken is { } failure)
        {
            return Task.FromException(failure);
        }

        if (_writing is null || _writing.IsCompleted)
        {
            return _writing = WriteOnce();
        }

        return _nextWrite ??= WriteAfter(_writing);
    }

    /// <summary>
    /// Completes once every change made so far has committed, without a write of its own: for an interleaved turn (a
    /// timer) that must not act on a change another turn made but has not yet written.
    /// </summary>
    protected Task WhenCommitted() => _broken is { } failure ? Task.FromException(failure) : _nextWrite ?? _writing ?? Task.CompletedTask;

    private async Task WriteAfter(Task previous)
    {
        try
        {
            await previous; // if it failed, this write must not persist changes whose events were dropped
        }
        finally
        {
            _nextWrite = null;
        }

        var write = WriteOnce();
        _writing = write;
        await write;
    }

    private async Task WriteOnce()
    {
        try
        {
            await Persisted.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // The memory is now ahead of the store: refuse everything until this activation is replaced.
            _broken = ex;
            State.PendingEvents.Clear();
            DeactivateOnIdle();
            throw;
        }

        if (State.CommittedEvents.Count > 0)
        {
            // The hall is handed what this write committed, so its watchers get it without a read of the journal.
            HallEvent[] committed = [.. State.CommittedEvents];
            State.CommittedEvents.Clear();
            QueueMetrics.Committed(committed);
            foreach (var hall in committed.GroupBy(e => e.HallId)) // one hall in practice
            {
                try
                {
                    await HallOf(hall.Key).EventsCommittedAsync([.. hall]);
                }
                catch (Exception ex)
                {
                    // The write has committed, so its command succeeded; the feed fills a missed hand-off from the journal.
                    ServiceProvider.GetRequiredService<ILogger<QueueGrain<TState>>>().LogWarning(ex, "Handing {Count} committed events to hall {HallId} failed", hall.Count(), hall.Key);
                }
            }
        }
    }

    /// <summary>The hall's grain reference, kept: a grain hands every write to the same hall (and asks it for more).</summary>
    protected IHallGrain HallOf(string hallId)
    {
        if (_hall is not { } known || known.HallId != hallId)
        {
            _hall = known = (hallId, GrainFactory.GetGrain<IHallGrain>(hallId));
        }

        return known.Grain;
    }

    protected static QueueRuleException HallNotFound(string hallId) => Refusals.HallNotFound(hallId);
}

using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Queue.Contracts.Grains;
using Queue.Engine.Persistence;

namespace Queue.Engine.Grains;

/// <summary>
/// The hall's journal fed to its watchers (the web nodes): each committed batch is read back from the journal after
/// what was last delivered and sent in order. One-way notifications can be lost with a silo, so while anyone watches
/// a safety-net timer looks for undelivered events. Owned by <see cref="HallGrain"/> and run on its turns.
/// </summary>
internal sealed class HallJournalFeed(IGrainBase grain, string hallId, IStateStore store, ILogger logger)
{
    private const int DeliveryBatch = 500;
    private static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SafetyNetPeriod = TimeSpan.FromSeconds(5);
    private readonly ObserverManager<IHallObserver> _observers = new(ObserverExpiry, logger);
    private long _delivered = -1;
    private IGrainTimer? _safetyNet;

    public async Task SubscribeAsync(IHallObserver observer)
    {
        if (_delivered < 0)
        {
            _delivered = await store.LastSequenceAsync(hallId);
        }

        _observers.Subscribe(observer, observer);
        // One-way notifications can be lost with a silo; while anyone watches, a timer looks for undelivered events.
        _safetyNet ??= grain.RegisterGrainTimer(_ => DeliverAsync(long.MaxValue), new GrainTimerCreationOptions(SafetyNetPeriod, SafetyNetPeriod));
    }

    public void Unsubscribe(IHallObserver observer) => _observers.Unsubscribe(observer);

    /// <summary>Reads the journal after what was delivered, up to <paramref name="sequence"/>, and sends it to the watchers in order.</summary>
    public async Task DeliverAsync(long sequence)
    {
        if (_observers.Count == 0)
        {
            _safetyNet?.Dispose();
            _safetyNet = null;
            _delivered = -1;
            return;
        }

        while (_delivered < sequence)
        {
            var batch = await store.ReadEventsAsync(hallId, _delivered, DeliveryBatch);
            if (batch.Count == 0)
            {
                return;
            }

            _delivered = batch[^1].Sequence;
            var events = batch.ToArray();
            _observers.Notify(o => o.OnEventsAsync(events).Ignore());
        }
    }
}

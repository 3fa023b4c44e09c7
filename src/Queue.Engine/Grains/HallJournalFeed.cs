using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Engine.Persistence;

namespace Queue.Engine.Grains;

/// <summary>
/// The hall's journal fed to its watchers (the web nodes). A write hands over the events it committed; they go out at
/// once when they follow what was delivered (sequence = delivered + 1), else they wait here for what comes before them
/// (notifications of concurrent writes race). A gap still open after <see cref="GapWait"/>, or wider than a batch, is
/// filled from the journal, which has no holes; so is anything a lost notification left behind, by a safety-net timer
/// while anyone watches. Each sequence goes out once, in order. With nobody watching nothing is kept but the last
/// sequence (the snapshot's). Owned by <see cref="HallGrain"/> and run on its (non-interleaved) turns.
/// </summary>
internal sealed class HallJournalFeed(IGrainBase grain, string hallId, IStateStore store, ILogger logger)
{
    private const int DeliveryBatch = 500;
    private static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SafetyNetPeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan GapWait = TimeSpan.FromMilliseconds(100);
    private readonly ObserverManager<IHallObserver> _observers = new(ObserverExpiry, logger);
    private readonly SortedDictionary<long, HallEvent> _ahead = [];
    private long _delivered = -1;
    private long _handed;
    private bool _lastRead;
    private IGrainTimer? _safetyNet;
    private IGrainTimer? _gapFill;
    private bool _gapArmed;

    /// <summary>Events read back from the journal (gaps, the safety net) since activation: what handing over saves.</summary>
    public long ReadBack { get; private set; }

    /// <summary>The hall's last committed sequence: read from the store once per activation, then kept from what writes hand over.</summary>
    public async Task<long> LastSequenceAsync()
    {
        if (!_lastRead)
        {
            _handed = Math.Max(_handed, await store.LastSequenceAsync(hallId));
            _lastRead = true;
        }

        return _handed;
    }

    public async Task SubscribeAsync(IHallObserver observer)
    {
        if (_delivered < 0)
        {
            _delivered = await store.LastSequenceAsync(hallId);
            _handed = Math.Max(_handed, _delivered);
            _lastRead = true;
        }

        _observers.Subscribe(observer, observer);
        // One-way notifications can be lost with a silo; while anyone watches, a timer looks for undelivered events.
        _safetyNet ??= grain.RegisterGrainTimer(_ => FillAsync(long.MaxValue), new GrainTimerCreationOptions(SafetyNetPeriod, SafetyNetPeriod));
    }

    public void Unsubscribe(IHallObserver observer) => _observers.Unsubscribe(observer);

    /// <summary>A write committed <paramref name="events"/> (in sequence order): deliver what follows on, keep the rest until the gap closes.</summary>
    public async Task CommittedAsync(HallEvent[] events)
    {
        if (events.Length > 0)
        {
            _handed = Math.Max(_handed, events[^1].Sequence);
        }

        if (!Watched())
        {
            return;
        }

        foreach (var e in events)
        {
            if (e.Sequence > _delivered)
            {
                _ahead[e.Sequence] = e;
            }
        }

        DeliverFollowing();
        if (_ahead.Count > DeliveryBatch)
        {
            await FillAsync(_ahead.Keys.Max());
        }
        else if (_ahead.Count > 0 && !_gapArmed)
        {
            // One shot, re-armed per gap: a timer tick is a turn of its own, so the missing notification can come first.
            _gapFill ??= grain.RegisterGrainTimer(_ => FillAsync(_ahead.Count > 0 ? _ahead.Keys.Max() : 0), new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            _gapFill.Change(GapWait, Timeout.InfiniteTimeSpan);
            _gapArmed = true;
        }
    }

    /// <summary>Reads the journal after what was delivered, up to <paramref name="sequence"/>, sends it in order, then what was kept and follows on.</summary>
    private async Task FillAsync(long sequence)
    {
        _gapArmed = false;
        if (!Watched())
        {
            return;
        }

        while (_delivered < sequence)
        {
            var batch = await store.ReadEventsAsync(hallId, _delivered, DeliveryBatch);
            if (batch.Count == 0)
            {
                break;
            }

            ReadBack += batch.Count;
            Send([.. batch]);
        }

        foreach (var stale in _ahead.Keys.Where(s => s <= _delivered).ToList())
        {
            _ahead.Remove(stale);
        }

        DeliverFollowing();
    }

    private void DeliverFollowing()
    {
        List<HallEvent>? run = null;
        while (_ahead.Remove(_delivered + 1, out var next))
        {
            (run ??= []).Add(next);
            _delivered = next.Sequence;
        }

        if (run is not null)
        {
            Send([.. run]);
        }
    }

    /// <summary>What the hall's pages show changed without an event (a new wait forecast): the watchers read the figures again.</summary>
    public void FiguresChanged()
    {
        if (_observers.Count > 0)
        {
            _observers.Notify(o => o.OnFiguresChangedAsync(hallId).Ignore());
        }
    }

    private void Send(HallEvent[] events)
    {
        _delivered = events[^1].Sequence;
        _handed = Math.Max(_handed, _delivered);
        _observers.Notify(o => o.OnEventsAsync(events).Ignore());
    }

    /// <summary>Whether anyone watches; when nobody does, the timers stop and nothing is kept (a new watcher starts from the journal's end).</summary>
    private bool Watched()
    {
        if (_observers.Count > 0)
        {
            return true;
        }

        _safetyNet?.Dispose();
        _safetyNet = null;
        _gapFill?.Dispose();
        _gapFill = null;
        _gapArmed = false;
        _ahead.Clear();
        _delivered = -1;
        return false;
    }
}

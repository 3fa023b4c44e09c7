using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;
using Queue.LoadTests.Product;
using Queue.LoadTests.Push;

namespace Queue.LoadTests.Scenarios;

/// <summary>
/// Boards and phones on the product's hub (/hubs/queue), and windows calling at a fixed rate. Init frees its windows,
/// empties the halls' lines, issues one waiting ticket per phone, reads the product's memory, opens the connections (boards:
/// the administrator's token, WatchHall on each hall in turn; phones: no token, as a citizen's phone, WatchTicket on their
/// ticket with its key) and reads the memory again. Each iteration
/// takes a window (in turn; one an earlier call left busy is freed first), calls the next ticket and waits until every board of that hall has the TicketCalled
/// and, if the ticket is watched, its phone has the Called ticket; then starts and completes the service so the
/// window is free again. Deliveries are timed from the call's intended start, as the bare hub's are.
/// </summary>
public sealed class WatchersScenario(WatchersOptions? options = null) : IWatchersScenario
{
    public const string CallStep = "call-next";
    public const string BoardStep = "call → board";
    public const string PhoneStep = "call → phone";
    public const string StartStep = "start";
    public const string CompleteStep = "complete";
    private readonly WatchersOptions _options = options ?? new WatchersOptions();
    private readonly ConcurrentDictionary<(string HallId, int WindowNo), CallDeliveries> _calls = new();
    private readonly ConcurrentDictionary<string, byte> _watchedTickets = new();
    private readonly Dictionary<string, int> _boardsPerHall = [];
    private WatcherWindow[] _windows = [];
    private WatcherPool? _pool;
    private long _late;
    private long _idle;

    public (double ManagedBytes, double WorkingSetBytes)? MemoryPerWatcher { get; private set; }

    /// <summary>Receipts that came after their call stopped waiting.</summary>
    public long LateDeliveries => Interlocked.Read(ref _late);

    /// <summary>Calls that found nobody waiting (the phones' tickets ran out).</summary>
    public long IdleCalls => Interlocked.Read(ref _idle);

    public int Boards { get; private set; }

    public int Halls { get; private set; }

    public int Phones { get; private set; }

    public Scenario Create(string name, ProductTarget target, int watchers, params LoadSimulation[] load)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(watchers, 1);
        return Scenario.Create(name, context => IterateAsync(target, context))
            .WithLoad(load)
            .WithInit(ct => InitAsync(target, watchers, ct))
            .WithClean(ct => CleanAsync(target, ct));
    }

    private async Task InitAsync(ProductTarget target, int watchers, CancellationToken cancellation)
    {
        var halls = target.Halls;
        Halls = halls.Count;
        _windows = [.. Enumerable.Range(0, _options.WindowsPerHall).SelectMany(i => halls.Select(h => WatcherWindow.Of(h, _options.WindowsPerHall).ElementAtOrDefault(i))).OfType<WatcherWindow>()];
        Boards = Math.Min(watchers, (int)Math.Round(watchers * _options.BoardShare));
        Phones = watchers - Boards;
        await Parallel.ForEachAsync(_windows, cancellation, async (w, ct) => await WatchersSetup.OpenWindowAsync(target.Client, w, ct));
        if (_options.CloseDayFirst)
        {
            await Parallel.ForEachAsync(halls, cancellation, async (h, ct) => await WatchersSetup.Checked(HttpCall.SendAsync(target.Client, HttpMethod.Post, $"api/halls/{h.HallId}/close-day", ct)));
        }

        var tickets = new IssuedTicket[Math.Max(Phones, _options.Tickets)];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.ConnectParallelism, CancellationToken = cancellation };
        var tag = Guid.NewGuid().ToString("N")[..8];
        await Parallel.ForEachAsync(Enumerable.Range(0, tickets.Length), parallel, async (i, ct) =>
        {
            var hall = halls[i % halls.Count];
            var theme = hall.Themes[i / halls.Count % hall.Themes.Length].Code;
            var body = new { channel = "Mobile", priority = "Normal", requestId = $"watch-{tag}-{i}" };
            var (response, ticket) = await HttpCall.SendAsync<TicketSnapshot>(target.Client, HttpMethod.Post, $"api/halls/{hall.HallId}/themes/{theme}/tickets", body, ct);
            tickets[i] = ticket is { AccessKey: { } key }
                ? new IssuedTicket(ticket.TicketId, key)
                : throw new InvalidOperationException($"Issuing a phone's ticket failed: {response.Status} {response.Message}");
            if (i < Phones)
            {
                _watchedTickets[ticket.TicketId] = 0;
            }
        });

        for (var b = 0; b < Boards; b++)
        {
            var hallId = halls[b % halls.Count].HallId;
            _boardsPerHall[hallId] = _boardsPerHall.GetValueOrDefault(hallId) + 1;
        }

        var before = await ProductMemory.ReadAsync(target.Client, cancellation);
        _pool = await WatcherPool.ConnectAsync(
            new Uri(target.Client.BaseAddress!, "hubs/queue"),
            watchers,
            (i, c) => Handlers(i, c),
            (i, c, ct) => i < Boards
                ? c.InvokeAsync<Ignored>("WatchHall", halls[i % halls.Count].HallId, null, ct)
                : c.InvokeAsync<Ignored>("WatchTicket", tickets[i - Boards].TicketId, tickets[i - Boards].AccessKey, ct),
            _options.ConnectParallelism,
            cancellation,
            builder => builder.AddJsonProtocol(o => QueueJson.Configure(o.PayloadSerializerOptions)),
            i => i < Boards ? target.Token : null);
        var after = await ProductMemory.ReadAsync(target.Client, cancellation);
        MemoryPerWatcher = ((after.GcHeapBytes - before.GcHeapBytes) / (double)watchers, (after.WorkingSetBytes - before.WorkingSetBytes) / (double)watchers);
    }

    private void Handlers(int index, HubConnection connection)
    {
        if (index < Boards)
        {
            connection.On<WatchedBatch>("Events", batch =>
            {
                foreach (var e in batch.Events)
                {
                    if (e is { Kind: HallEventKind.TicketCalled, WindowNo: { } no } && _calls.TryGetValue((batch.HallId, no), out var call))
                    {
                        call.Board(e.DisplayNumber);
                    }
                }
            });
            connection.On<Ignored>("Hall", _ => { });
            connection.On<Ignored>("Figures", _ => { }); // the boards' slow refresh of waiting counts and predicted waits
        }
        else
        {
            connection.On<TicketSnapshot>("Ticket", t =>
            {
                if (t is { Status: TicketStatus.Called, WindowNo: { } no } && _calls.TryGetValue((t.HallId, no), out var call))
                {
                    call.Phone(t.TicketId);
                }
            });
            connection.On<Ignored>("Line", _ => { });
        }
    }

    private async Task<Response> IterateAsync(ProductTarget target, ScenarioContext context)
    {
        var window = _windows[(int)(context.InvocationNumber % _windows.Length)];
        await window.Turn.WaitAsync(context.CancellationToken);
        var call = new CallDeliveries();
        var finished = Response.Fail("timeout");
        try
        {
            if (window.Dirty)
            {
                await WatchersSetup.FreeAsync(target.Client, window, null, context.CancellationToken); // counts in this call's time
            }

            _calls[(window.HallId, window.WindowNo)] = call;
            WindowSnapshot? called = null;
            var sent = await context.Step(CallStep, async () =>
            {
                var (response, snapshot) = await HttpCall.SendAsync<WindowSnapshot>(target.Client, HttpMethod.Post, $"{window.Path}/call-next", new { }, context.CancellationToken);
                called = snapshot;
                return response;
            });
            if (!sent.IsOk)
            {
                return sent;
            }

            if (called?.Current is not { } current)
            {
                Interlocked.Increment(ref _idle);
                finished = Response.Ok("idle");
                return finished;
            }

            var phones = _watchedTickets.ContainsKey(current.TicketId) ? 1 : 0;
            var receipts = await call.WaitAsync(current.DisplayNumber, current.TicketId, _boardsPerHall.GetValueOrDefault(window.HallId), phones, _options.DeliveryTimeout, context.CancellationToken);
            var delivered = receipts.RecordTo(context, BoardStep, PhoneStep);
            var started = await context.Step(StartStep, () => HttpCall.SendAsync(target.Client, HttpMethod.Post, $"{window.Path}/start", context.CancellationToken));
            finished = started.IsOk
                ? await context.Step(CompleteStep, async () => (await HttpCall.SendAsync<WindowSnapshot>(target.Client, HttpMethod.Post, $"{window.Path}/complete", new { outcome = "Done" }, context.CancellationToken)).Response)
                : started;
            return !finished.IsOk ? finished : delivered ? Response.Ok() : Response.Fail("not-delivered");
        }
        finally
        {
            window.Dirty = !finished.IsOk;
            _calls.TryRemove((window.HallId, window.WindowNo), out _);
            Interlocked.Add(ref _late, call.Late);
            window.Turn.Release();
        }
    }

    /// <summary>
    /// Waits until no window is in a call (each call holds its window's turn) and keeps them all until the answer is
    /// disposed: the soak closes the halls' day in between, so no window's called ticket expires under it.
    /// </summary>
    public async Task<IAsyncDisposable> HoldWindowsAsync(CancellationToken cancellation)
    {
        var held = new List<WatcherWindow>();
        try
        {
            foreach (var window in _windows)
            {
                await window.Turn.WaitAsync(cancellation);
                held.Add(window);
            }
        }
        catch (OperationCanceledException)
        {
            held.ForEach(w => w.Turn.Release());
            throw;
        }

        return new Release(held);
    }

    private async Task CleanAsync(ProductTarget target, CancellationToken cancellation)
    {
        if (_pool is not null)
        {
            await _pool.DisposeAsync();
            _pool = null;
        }

        // Hand the windows back (window staff signs in at them under its own names later).
        await Parallel.ForEachAsync(_windows, cancellation, async (w, ct) => await WatchersSetup.CloseWindowAsync(target.Client, w, ct));
    }

    private sealed class Release(List<WatcherWindow> windows) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            windows.ForEach(w => w.Turn.Release());
            windows.Clear();
            return ValueTask.CompletedTask;
        }
    }
}

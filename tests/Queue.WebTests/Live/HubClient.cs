using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.Contracts.Events;
using Queue.Contracts.Snapshots;
using Queue.WebTests.Http;

namespace Queue.WebTests.Live;

/// <summary>A SignalR client over TestServer WebSockets that records what it is pushed and lets a test await it.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly List<(Func<HubClient, bool> Condition, TaskCompletionSource Signal)> _waiters = [];

    private HubClient(QueueWebFactory factory, string? token)
    {
        var server = factory.Server;
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/queue"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    if (token is not null)
                    {
                        client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + token;
                    }

                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .AddJsonProtocol(options => QueueJson.Configure(options.PayloadSerializerOptions))
            .Build();
        Connection.On<BatchView>("Events", batch => Record(() =>
        {
            Batches.Enqueue(batch);
            foreach (var e in batch.Events)
            {
                Events.Enqueue(e);
            }
        }));
        Connection.On<TicketSnapshot>("Ticket", ticket => Record(() => Tickets.Enqueue(ticket)));
        Connection.On<LineView>("Line", line => Record(() => Lines.Enqueue(line)));
        Connection.On<HallSnapshot>("Hall", snapshot => Record(() => Snapshots.Enqueue(snapshot)));
        Connection.On<FiguresView>("Figures", figures => Record(() => Figures.Enqueue(figures)));
    }

    public HubConnection Connection { get; }

    public ConcurrentQueue<HallEvent> Events { get; } = new();

    public ConcurrentQueue<BatchView> Batches { get; } = new();

    public ConcurrentQueue<TicketSnapshot> Tickets { get; } = new();

    public ConcurrentQueue<LineView> Lines { get; } = new();

    public ConcurrentQueue<HallSnapshot> Snapshots { get; } = new();

    /// <summary>The lines' figures pushed on the slow refresh (boards and kiosks).</summary>
    public ConcurrentQueue<FiguresView> Figures { get; } = new();

    /// <summary>Connects as the fixture's administrator.</summary>
    public static Task<HubClient> ConnectAsync(QueueWebFactory factory) => ConnectAsync(factory, factory.AdministratorToken);

    /// <summary>Connects with this token (a session or device token), or with none (a citizen's phone).</summary>
    public static async Task<HubClient> ConnectAsync(QueueWebFactory factory, string? token)
    {
        var client = new HubClient(factory, token);
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>Completes when the condition holds for what was received (checked on every push), or fails after 10 s.</summary>
    public Task Until(Func<HubClient, bool> condition)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, signal));
        }

        return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    /// <summary>An event batch as a client receives it.</summary>
    public sealed record BatchView(string HallId, long From, long To, List<HallEvent> Events);

    /// <summary>The lines' figures as a client receives them.</summary>
    public sealed record FiguresView(string HallId, long Sequence, DateTimeOffset At, List<ThemeQueueSnapshot> Themes);

    private void Record(Action add)
    {
        lock (_waiters)
        {
            add();
            foreach (var waiter in _waiters.Where(w => w.Condition(this)).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}

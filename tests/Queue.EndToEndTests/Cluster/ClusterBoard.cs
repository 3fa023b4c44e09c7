using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.Contracts.Events;

namespace Queue.EndToEndTests.Cluster;

/// <summary>
/// A hall board as the pages behave: it watches a hall over SignalR on a real web node with a credential (a session or
/// a board device's token), applies event batches in sequence order, and on a gap (<c>from &gt; last + 1</c>) asks
/// for a snapshot and continues from its sequence.
/// </summary>
public sealed class ClusterBoard : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<HallEvent> _events = [];
    private long _last;

    /// <summary>Completed (and replaced) when a batch adds events.</summary>
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClusterBoard(Uri webNode, string hallId, string token)
    {
        HallId = hallId;
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(webNode, "/hubs/queue"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(o => QueueJson.Configure(o.PayloadSerializerOptions))
            .Build();
        Connection.On<Batch>("Events", OnBatch);
    }

    public string HallId { get; }

    public HubConnection Connection { get; }

    public int Resyncs { get; private set; }

    public static async Task<ClusterBoard> ConnectAsync(Uri webNode, string hallId, string token)
    {
        var board = new ClusterBoard(webNode, hallId, token);
        try
        {
            await board.Connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(15));
            var snapshot = await board.Connection.InvokeAsync<JsonElement>("WatchHall", hallId, null).WaitAsync(TimeSpan.FromSeconds(15));
            board._last = snapshot.GetProperty("sequence").GetInt64();
            return board;
        }
        catch (Exception)
        {
            await board.DisposeAsync(); // a refused watch leaves no connection behind
            throw;
        }
    }

    /// <summary>Waits (bounded) until an event matching <paramref name="match"/> arrived: checked again at each batch.</summary>
    public async Task<HallEvent> WaitForAsync(Func<HallEvent, bool> match, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_events.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"The board of {HallId} received no matching event within {limit} (last sequence {_last}, {Resyncs} resyncs)");
            }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void OnBatch(Batch batch)
    {
        bool gap;
        lock (_gate)
        {
            if (batch.To <= _last)
            {
                return;
            }

            gap = batch.From > _last + 1;
            _events.AddRange(batch.Events);
            _last = batch.To;
            _arrived.TrySetResult();
            _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (gap)
        {
            _ = Resync();
        }
    }

    /// <summary>What a page does after a gap: take the hall as it is now.</summary>
    private async Task Resync()
    {
        var snapshot = await Connection.InvokeAsync<JsonElement>("GetSnapshot", HallId).WaitAsync(TimeSpan.FromSeconds(15));
        lock (_gate)
        {
            Resyncs++;
            _last = Math.Max(_last, snapshot.GetProperty("sequence").GetInt64());
        }
    }

    /// <summary>An event batch as a client receives it.</summary>
    public sealed record Batch(string HallId, long From, long To, List<HallEvent> Events);
}

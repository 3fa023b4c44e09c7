using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Push;

/// <summary>
/// N SignalR connections over WebSockets, opened a few at a time, each given its handlers and then joined
/// (a group, a board, a ticket) by <c>join</c>; <c>configure</c> may set the protocol; <c>accessToken</c> gives the
/// bearer token connection i carries (null: none, as a citizen's phone). Disposing closes them all.
/// </summary>
public sealed class WatcherPool : IAsyncDisposable
{
    private readonly List<HubConnection> _connections;

    private WatcherPool(List<HubConnection> connections) => _connections = connections;

    public int Count => _connections.Count;

    public static async Task<WatcherPool> ConnectAsync(
        Uri hubUrl, int count, Action<int, HubConnection> handlers, Func<int, HubConnection, CancellationToken, Task> join, int parallel, CancellationToken cancellation,
        Action<IHubConnectionBuilder>? configure = null, Func<int, string?>? accessToken = null)
    {
        LoopbackOnly.Require(hubUrl);
        var connections = new HubConnection[count];
        var pool = new WatcherPool([]);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellation }, async (i, ct) =>
            {
                var token = accessToken?.Invoke(i);
                var builder = new HubConnectionBuilder()
                    .WithUrl(hubUrl, o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        if (token is not null)
                        {
                            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                        }
                    });
                configure?.Invoke(builder);
                var connection = builder.Build();
                connections[i] = connection;
                handlers(i, connection);
                await connection.StartAsync(ct);
                await join(i, connection, ct);
            });
        }
        catch (Exception)
        {
            pool._connections.AddRange(connections.Where(c => c is not null));
            await pool.DisposeAsync(); // close what did open, then let the failure be seen
            throw;
        }

        pool._connections.AddRange(connections);
        return pool;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, _) => await c.DisposeAsync());
        _connections.Clear();
    }
}

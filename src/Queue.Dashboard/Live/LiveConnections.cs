using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Live;

/// <summary>
/// The hub connections on this node that came with a token. A hub connection is authenticated once, when it opens,
/// so every <see cref="SecurityOptions.CredentialCache"/> this sweep checks each token again and closes the
/// connections whose device was revoked, whose account was disabled or signed out, or whose session expired. The
/// page's reconnect then meets the refusal.
/// </summary>
public sealed class LiveConnections(Credentials credentials, IOptions<SecurityOptions> options, ILogger<LiveConnections> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, (HubCallerContext Context, string Token)> _connections = new(StringComparer.Ordinal);

    public void Connected(HubCallerContext context)
    {
        if (context.User?.Identity?.IsAuthenticated == true && context.GetHttpContext() is { } http &&
            QueueAuthenticationHandler.TokenOf(http) is { } token)
        {
            _connections[context.ConnectionId] = (context, token);
        }
    }

    public void Disconnected(HubCallerContext context) => _connections.TryRemove(context.ConnectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.CredentialCache > TimeSpan.FromSeconds(1) ? options.Value.CredentialCache : TimeSpan.FromSeconds(1);
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever it was (the cluster unreachable, a client not yet connected), the next sweep tries again;
                // a sweep that stopped for good would leave revoked devices connected.
                logger.LogWarning(ex, "Could not re-check the hub connections' tokens; trying again at the next sweep");
            }
        }
    }

    /// <summary>Checks each distinct token once and aborts the connections of those that no longer hold.</summary>
    public async Task<int> SweepAsync()
    {
        var closed = 0;
        foreach (var group in _connections.Values.GroupBy(c => c.Token, StringComparer.Ordinal))
        {
            if (await credentials.AuthenticateAsync(group.Key) is not null)
            {
                continue;
            }

            foreach (var (context, _) in group)
            {
                _connections.TryRemove(context.ConnectionId, out _);
                context.Abort();
                closed++;
            }
        }

        if (closed > 0)
        {
            logger.LogInformation("Closed {Count} hub connections whose token was revoked, signed out or expired", closed);
        }

        return closed;
    }
}

using Orleans.Runtime;
using Queue.Dashboard.Live;

namespace Queue.Dashboard.Hosting;

/// <summary>
/// On a web node that co-hosts a silo: when a silo dies or joins, the halls it hosted reactivate elsewhere without
/// this node's subscriptions, so the live service subscribes again at once instead of at its next renewal.
/// (A client web node learns the same from its gateway count.)
/// </summary>
public sealed class MembershipChangeWatcher(IClusterMembershipService membership, LiveHallService live) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var active = new HashSet<SiloAddress>();
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var now = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();
            if (active.Count > 0 && !now.SetEquals(active))
            {
                live.ClusterChanged();
            }

            active = now;
        }
    }
}

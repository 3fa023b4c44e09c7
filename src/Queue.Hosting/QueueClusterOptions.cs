using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Queue.Hosting;

/// <summary>
/// The cluster topology, section "Queue:Cluster". Orleans' own membership and messaging knobs are bound from the
/// subsections <c>Queue:Cluster:Membership</c> (ClusterMembershipOptions: ProbeTimeout, NumMissedProbesLimit,
/// DeathVoteExpirationTimeout…) and <c>Queue:Cluster:Messaging</c> (ResponseTimeout). In Redis mode their defaults
/// are <see cref="Failover"/>'s, so that a dead silo is declared dead and its calls fail over in seconds; in Local
/// mode (one silo) Orleans' own.
/// </summary>
public sealed class QueueClusterOptions : IValidatableObject
{
    public const string Section = "Queue:Cluster";

    public const string MembershipSection = Section + ":Membership";

    public const string MessagingSection = Section + ":Messaging";

    public ClusterMode Mode { get; set; } = ClusterMode.Local;

    /// <summary>StackExchange.Redis configuration string, e.g. <c>redis1:6379,redis2:6379,password=…</c>. Required in Redis mode.</summary>
    public string? RedisConnection { get; set; }

    /// <summary>The IP address this silo advertises to the others (Redis mode). Empty: Orleans picks this host's address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// The membership and messaging defaults of a Redis cluster (each may be overridden under Membership / Messaging).
    /// Orleans' own (probe 5 s × 3 missed, table refresh 60 s, response timeout 30 s) let calls to a killed silo hang
    /// for 30 s; with these a silo killed under load was declared dead and every hall answered again in about 6 s.
    /// </summary>
    public static class Failover
    {
        /// <summary>The initial liveness probe timeout (Orleans adapts it between half and four times this).</summary>
        public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

        /// <summary>Missed probes before a silo is suspected.</summary>
        public const int NumMissedProbesLimit = 2;

        /// <summary>How often each silo reads the membership table (Orleans: 60 s).</summary>
        public static readonly TimeSpan TableRefreshTimeout = TimeSpan.FromSeconds(2);

        /// <summary>How long a suspicion vote counts (Orleans: 2 min).</summary>
        public static readonly TimeSpan DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);

        /// <summary>How often a silo writes its heartbeat in the membership table (Orleans: 30 s).</summary>
        public static readonly TimeSpan IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);

        /// <summary>How long a grain call waits for its answer before it fails (Orleans: 30 s), on silos and web nodes.</summary>
        public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == ClusterMode.Redis && string.IsNullOrWhiteSpace(RedisConnection))
        {
            yield return new ValidationResult("Queue:Cluster:RedisConnection is required when Queue:Cluster:Mode is Redis", [nameof(RedisConnection)]);
        }

        if (!string.IsNullOrWhiteSpace(AdvertisedAddress) && !IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"Queue:Cluster:AdvertisedAddress '{AdvertisedAddress}' is not an IP address", [nameof(AdvertisedAddress)]);
        }
    }
}

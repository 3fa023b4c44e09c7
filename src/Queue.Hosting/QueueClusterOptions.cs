using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Queue.Hosting;

/// <summary>
/// The cluster topology, section "Queue:Cluster". Orleans' own membership and messaging knobs are bound from the
/// subsections <c>Queue:Cluster:Membership</c> (ClusterMembershipOptions: ProbeTimeout, NumMissedProbesLimit,
/// DeathVoteExpirationTimeout…) and <c>Queue:Cluster:Messaging</c> (ResponseTimeout); Orleans' defaults otherwise.
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

using System.ComponentModel.DataAnnotations;

namespace Queue.Hosting;

/// <summary>The web node's settings, section "Queue:Web".</summary>
public sealed class QueueWebOptions
{
    public const string Section = "Queue:Web";

    public WebRole Role { get; set; } = WebRole.Silo;

    /// <summary>How long a client web node keeps trying to reach the cluster at start before it gives up (and exits).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

using System.ComponentModel.DataAnnotations;

namespace Queue.Dashboard.Security;

/// <summary>Section "Queue:Security".</summary>
public sealed class SecurityOptions
{
    public const string Section = "Queue:Security";

    /// <summary>The first administrator's user name, created on first start when there is no account at all.</summary>
    [RegularExpression("^[a-z0-9][a-z0-9._-]{1,39}$")]
    public string AdministratorUserName { get; set; } = "admin";

    /// <summary>
    /// The first administrator's password, for automated installs. Left empty (the default) a random one is generated
    /// and printed once. Never read again once any account exists.
    /// </summary>
    [MinLength(12)]
    public string? AdministratorPassword { get; set; }

    /// <summary>How long a sign-in lasts (a working day and some).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a web node trusts what it last read of an account or device. Revoking a device or disabling an account
    /// takes effect on every node within this time (at once on the node that did it).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan CredentialCache { get; set; } = TimeSpan.FromSeconds(10);

    [Required]
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>
    /// The reverse proxies (nginx) in front of this node, by IP address: their X-Forwarded-For and X-Forwarded-Proto
    /// are believed, so that rate limits see the citizen's address and cookies are marked Secure behind TLS. Empty: no
    /// proxy, and the headers are ignored (a client could otherwise pick its own address).
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>
    /// Like <see cref="KnownProxies"/>, whole networks in CIDR notation (<c>10.0.0.0/8</c>): for a proxy whose address
    /// changes (a container network, a load balancer pool). Empty by default.
    /// </summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>Per-minute limits on the public endpoints. Signed-in staff, managers and administrators are not limited.</summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// Tickets one address may take in one hall without signing in (the phone's 移动取号). Phones on the hall's Wi-Fi or
    /// behind a carrier's NAT share an address, so this is per address, not per person, and not tiny.
    /// </summary>
    [Range(1, 100_000)]
    public int CitizenIssuePerMinute { get; set; } = 20;

    /// <summary>Tickets one kiosk may print; a kiosk prints about one every few seconds at its busiest.</summary>
    [Range(1, 1_000_000)]
    public int KioskIssuePerMinute { get; set; } = 60;

    /// <summary>Ticket-page requests (the ticket and its actions) from one address; live updates come over the hub, not these.</summary>
    [Range(1, 1_000_000)]
    public int TicketRequestsPerMinute { get; set; } = 600;

    /// <summary>Sign-in attempts from one address (password guessing; a whole hall's terminals may sign in at opening).</summary>
    [Range(1, 100_000)]
    public int SignInsPerMinute { get; set; } = 30;
}

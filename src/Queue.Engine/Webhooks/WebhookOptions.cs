using System.ComponentModel.DataAnnotations;

namespace Queue.Engine.Webhooks;

/// <summary>The webhook settings, section <c>Queue:Webhooks</c> (e.g. <c>Queue__Webhooks__MaxAttempts=10</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Queue:Webhooks";

    /// <summary>Run the relay (journal → planned deliveries) and the sender on this silo.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the relay looks for new events and the sender for due deliveries when idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Delivered, failed and cancelled deliveries planned longer ago than this are deleted (hourly, by the relay).</summary>
    [Range(1, 3650)]
    public int KeepDeliveriesDays { get; set; } = 30;

    /// <summary>A request that takes longer has failed (and is retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a claimed delivery is reserved for its attempt; a sender that dies mid-request leaves it to be attempted
    /// again once this has passed. Must exceed <see cref="RequestTimeout"/>.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after a failed attempt; it doubles with each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many attempts a delivery is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>A delivery still not through this long after it was due is marked failed (a notice about a call is useless by then).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Requests in flight at once, over all endpoints, per silo.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Events read from a journal per batch.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    public TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks((long)Math.Min(MaxBackoff.Ticks, MinBackoff.Ticks * Math.Pow(2, Math.Min(failures - 1, 30))));
}

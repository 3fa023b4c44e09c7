using Queue.Contracts.Webhooks;
using Queue.Engine.Webhooks;

namespace Queue.GrainTests.Webhooks;

/// <summary>
/// What both delivery stores (SQLite, PostgreSQL) promise: planning is idempotent, a claim holds a delivery for its lease
/// and counts the attempt, a failed attempt waits for its next time or fails for good, a cancelled booking group comes
/// back when planned again, and the log reads newest first.
/// </summary>
public abstract class WebhookDeliveryStoreContract
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    protected abstract IWebhookDeliveryStore Open();

    [Fact]
    public async Task PlanningTwiceAddsOnceAndAClaimHoldsTheDeliveryForItsLease()
    {
        var store = Open();
        var hall = Hall();
        var planned = Planned(hall, "e1");
        Assert.Equal(2, await store.AddAsync([planned, Planned(hall, "e1", endpoint: "w2")]));
        Assert.Equal(0, await store.AddAsync([planned]));

        var claimed = (await store.ClaimDueAsync(Now.AddSeconds(1), TimeSpan.FromSeconds(30), 10)).Where(c => c.HallId == hall).ToList();
        Assert.Equal(2, claimed.Count);
        Assert.All(claimed, c => Assert.Equal(1, c.Attempts));
        Assert.DoesNotContain(await store.ClaimDueAsync(Now.AddSeconds(2), TimeSpan.FromSeconds(30), 10), c => c.HallId == hall);

        // The lease ran out (its sender died mid-request): claimed again, a second attempt.
        var again = (await store.ClaimDueAsync(Now.AddSeconds(40), TimeSpan.FromSeconds(30), 10)).Where(c => c.HallId == hall).ToList();
        Assert.Equal([2, 2], again.Select(c => c.Attempts));

        await store.DeliveredAsync(again[0].Id, Now.AddSeconds(41));
        await store.AttemptFailedAsync(again[1].Id, "HTTP 503 Service Unavailable", nextAt: Now.AddSeconds(50));
        Assert.DoesNotContain(await store.ClaimDueAsync(Now.AddSeconds(45), TimeSpan.FromSeconds(30), 10), c => c.HallId == hall);
        var retry = Assert.Single(await store.ClaimDueAsync(Now.AddSeconds(51), TimeSpan.FromSeconds(30), 10), c => c.HallId == hall);
        Assert.Equal(3, retry.Attempts);
        await store.AttemptFailedAsync(retry.Id, "timeout after 10 s", nextAt: null);

        var log = await store.ListAsync(hall, null, 10);
        Assert.Equal(
            [(WebhookDeliveryStatus.Failed, 3, "timeout after 10 s"), (WebhookDeliveryStatus.Delivered, 2, (string?)null)],
            log.OrderBy(d => d.Status == WebhookDeliveryStatus.Delivered).Select(d => (d.Status, d.Attempts, d.LastError)));
        Assert.Single(await store.ListAsync(hall, "w2", 10));
    }

    [Fact]
    public async Task ACancelledGroupIsNotSentAndComesBackWhenPlannedAgain()
    {
        var store = Open();
        var hall = Hall();
        var reminder = Planned(hall, "b1:evening", group: "booking:b1", due: Now.AddSeconds(5));
        await store.AddAsync([reminder, Planned(hall, "other")]);

        Assert.Equal(1, await store.CancelAsync(hall, null, "booking:b1"));
        Assert.Equal("other", Assert.Single(await store.ClaimDueAsync(Now.AddSeconds(10), TimeSpan.FromSeconds(30), 10), c => c.HallId == hall).EventId);
        Assert.Contains(await store.ListAsync(hall, null, 10), d => d.EventId == "b1:evening" && d.Status == WebhookDeliveryStatus.Cancelled);

        await store.AddAsync([reminder]);
        Assert.Equal("b1:evening", Assert.Single(await store.ClaimDueAsync(Now.AddSeconds(20), TimeSpan.FromSeconds(30), 10), c => c.HallId == hall).EventId);
    }

    [Fact]
    public async Task PruningDeletesOnlyFinishedDeliveriesPlannedBeforeTheCutOff()
    {
        var store = Open();
        var hall = Hall();
        await store.AddAsync([Planned(hall, "delivered"), Planned(hall, "failed"), Planned(hall, "cancelled", group: "booking:b2"), Planned(hall, "pending", due: Now.AddDays(1))]);
        var claimed = (await store.ClaimDueAsync(Now.AddSeconds(1), TimeSpan.FromSeconds(30), 10)).Where(c => c.HallId == hall).ToList();
        await store.DeliveredAsync(claimed.Single(c => c.EventId == "delivered").Id, Now.AddSeconds(1));
        await store.AttemptFailedAsync(claimed.Single(c => c.EventId == "failed").Id, "HTTP 500", nextAt: null);
        await store.AttemptFailedAsync(claimed.Single(c => c.EventId == "cancelled").Id, "HTTP 500", nextAt: Now.AddMinutes(1));
        Assert.Equal(1, await store.CancelAsync(hall, null, "booking:b2"));

        // Planned now, so a cut-off 30 days back keeps all four.
        await store.PruneAsync(DateTimeOffset.UtcNow.AddDays(-30));
        Assert.Equal(4, (await store.ListAsync(hall, null, 10)).Count);

        // A cut-off after their planning deletes the delivered, failed and cancelled ones; the pending one stays.
        Assert.True(await store.PruneAsync(DateTimeOffset.UtcNow.AddSeconds(1)) >= 3);
        var left = Assert.Single(await store.ListAsync(hall, null, 10));
        Assert.Equal(("pending", WebhookDeliveryStatus.Pending), (left.EventId, left.Status));
    }

    private static string Hall() => "h" + Guid.NewGuid().ToString("N")[..8];

    private static PlannedDelivery Planned(string hall, string eventId, string endpoint = "w1", string? group = null, DateTimeOffset? due = null) =>
        new(hall, endpoint, eventId, WebhookEventTypes.TicketCalled, """{"eventId":"x"}""", ContactRef: null, group, due ?? Now);
}

public sealed class SqliteWebhookDeliveryStoreTests : WebhookDeliveryStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override IWebhookDeliveryStore Open() => new SqliteWebhookDeliveryStore(_directory.File("queue.db"));
}

/// <summary>The cluster's delivery log on a real PostgreSQL, started for this class.</summary>
public sealed class PostgresWebhookDeliveryStoreTests(PostgresFixture postgres) : WebhookDeliveryStoreContract, IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<PostgresWebhookDeliveryStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    protected override IWebhookDeliveryStore Open()
    {
        var store = new PostgresWebhookDeliveryStore(postgres.ConnectionString);
        _stores.Add(store);
        return store;
    }
}

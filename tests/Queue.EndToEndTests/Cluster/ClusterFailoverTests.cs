using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Orleans.Runtime;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Xunit.Abstractions;

namespace Queue.EndToEndTests.Cluster;

/// <summary>
/// Two silo processes and two client web processes over real Redis and PostgreSQL (see <see cref="ClusterFixture"/>).
/// Any test may run first: the others hold with two silos as with the survivor of the kill test.
/// </summary>
public sealed class ClusterFailoverTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ACallMadeThroughOneWebNodeReachesABoardConnectedToTheOther()
    {
        await using var board = await ClusterBoard.ConnectAsync(cluster.WebB.BaseAddress, "c1", cluster.AdministratorToken);
        using var web = cluster.Http(cluster.WebA);

        using var issued = await web.PostAsJsonAsync(new Uri("/api/halls/c1/themes/SW/tickets", UriKind.Relative), new { channel = "Kiosk" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var number = await CallAsync(web, "c1", 1);

        var called = await board.WaitForAsync(e => e.Kind == HallEventKind.TicketCalled && e.DisplayNumber == number, TimeSpan.FromSeconds(20));
        Assert.Equal(1, called.WindowNo);
        Assert.Null(called.TicketId);
    }

    [Fact]
    public async Task ASessionSignedThroughOneWebNodeAndABoardRegisteredThroughItAreHonouredByTheOther()
    {
        // Web node A signs the session; B checks it with the same key, read from the cluster's state store.
        var session = await ClusterHttp.SignInAsync(cluster.WebA.BaseAddress, "admin", cluster.AdministratorPassword);
        using var throughA = ClusterHttp.Create(cluster.WebA.BaseAddress, session);
        using var throughB = ClusterHttp.Create(cluster.WebB.BaseAddress, session);
        var me = await throughB.GetFromJsonAsync<JsonElement>(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(("Administrator", "admin"), (me.GetProperty("kind").GetString(), me.GetProperty("id").GetString()));
        using (var snapshot = await throughB.GetAsync(new Uri("/api/halls/c2/snapshot", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
        }

        // A board registered through A watches its own hall (and no other) through B, and sees a call made through A.
        using var registered = await throughA.PostAsJsonAsync(new Uri("/api/halls/c2/devices", UriKind.Relative), new { kind = "Board", name = "集群叫号屏 cluster board" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var device = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        await using var board = await ClusterBoard.ConnectAsync(cluster.WebB.BaseAddress, "c2", device);
        var refused = await Assert.ThrowsAsync<HubException>(() => ClusterBoard.ConnectAsync(cluster.WebB.BaseAddress, "c3", device));
        Assert.Contains("\"forbidden\"", refused.Message, StringComparison.Ordinal);

        // A phone's ticket taken through A with no sign-in opens through B by its link's key, and not without it.
        using var phoneA = ClusterHttp.Create(cluster.WebA.BaseAddress, null);
        using var phoneB = ClusterHttp.Create(cluster.WebB.BaseAddress, null);
        using var issued = await phoneA.PostAsJsonAsync(new Uri("/api/halls/c2/themes/SW/tickets", UriKind.Relative), new { });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var ticket = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var (ticketId, key) = (ticket.GetProperty("ticketId").GetString()!, ticket.GetProperty("accessKey").GetString()!);
        using (var withKey = await phoneB.GetAsync(new Uri($"/api/tickets/{ticketId}?k={Uri.EscapeDataString(key)}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        }

        using (var withoutKey = await phoneB.GetAsync(new Uri($"/api/tickets/{ticketId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        }

        var number = await CallAsync(throughA, "c2", 1);
        await board.WaitForAsync(e => e.Kind == HallEventKind.TicketCalled && e.DisplayNumber == number, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task AWebNodeInClientRoleLoadsNoGrainNoStateStoreNoTimeSeriesStoreAndNoSqlite()
    {
        using var web = cluster.Http(cluster.WebA);
        using var hall = await web.GetAsync(new Uri("/api/halls/c1", UriKind.Relative)); // the node has served grain calls
        Assert.Equal(HttpStatusCode.OK, hall.StatusCode);

        var mapped = cluster.WebA.MappedFiles();
        Assert.Contains("Queue.Dashboard.dll", mapped); // the check sees managed assemblies at all
        Assert.Contains("Queue.Contracts.dll", mapped);
        foreach (var engine in new[] { "Queue.Engine.dll", "Microsoft.Data.Sqlite.dll", "libe_sqlite3.so", "InfluxDB.Client.dll" })
        {
            Assert.DoesNotContain(engine, mapped);
        }
    }

    [Fact]
    public async Task EveryLiveProcessIsLiveAndReadyAndTheWebNodesServeTheOrleansDashboard()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) }; // health needs no credential
        foreach (var node in cluster.Silos.Select(s => s.Process).Append(cluster.WebA).Append(cluster.WebB).Where(p => p.IsRunning))
        {
            foreach (var path in new[] { "/health/live", "/health/ready" })
            {
                using var response = await http.GetAsync(new Uri(node.BaseAddress, path));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{node.Name} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        using var administrator = ClusterHttp.Create(null, cluster.AdministratorToken);
        foreach (var web in new[] { cluster.WebA, cluster.WebB })
        {
            using var dashboard = await administrator.GetAsync(new Uri(web.BaseAddress, "/orleans/"));
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task BothWebNodesKeepTheirRecurringJobsInOnePostgreSqlJobStore()
    {
        await using var connection = new Npgsql.NpgsqlConnection(cluster.PostgresConnection);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs' ORDER BY value", connection);
        var jobs = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                jobs.Add(reader.GetString(0));
            }
        }

        // Two web nodes registered the same two jobs: one store, so each runs once per schedule, not once per node.
        Assert.Equal(["advise-tomorrow", "close-days"], jobs);
        await using var servers = new Npgsql.NpgsqlCommand("SELECT count(*) FROM hangfire.server", connection);
        Assert.Equal(2L, (long)(await servers.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task KillingASiloUnderLoadLosesNoAcknowledgedTicketAndItsHallsReactivateOnTheSurvivor()
    {
        await using var board = await ClusterBoard.ConnectAsync(cluster.WebB.BaseAddress, "c0", cluster.AdministratorToken);
        var hall = cluster.Client.GetGrain<IHallGrain>("c0");
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var before = await management.GetActivationAddress(hall) ?? throw new InvalidOperationException("hall c0 is not active");
        var victim = cluster.Silos.Single(s => s.SiloPort == before.Endpoint.Port);
        var survivor = cluster.Silos.Single(s => s != victim);
        Assert.True(survivor.Process.IsRunning, "the other silo runs");
        var load = new TicketLoad(
            [cluster.WebA.BaseAddress, cluster.WebB.BaseAddress],
            [.. ClusterFixture.Halls.SelectMany(h => ClusterFixture.Themes.Select(t => (h, t)))],
            cluster.AdministratorToken);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 4, stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(3)); // load on both silos before the kill
        var killedAt = load.Now;
        var resyncsBefore = board.Resyncs;
        await victim.Process.KillAsync();
        var recovered = await WaitForEveryHall(load, killedAt);
        await Task.Delay(TimeSpan.FromSeconds(2)); // load on the survivor alone
        await stop.CancelAsync();
        await running.WaitAsync(TicketLoad.RequestLimit + TimeSpan.FromSeconds(10));

        using var web = cluster.Http(cluster.WebA);
        var number = await CallAsync(web, "c0", 2);
        await board.WaitForAsync(e => e.Kind == HallEventKind.TicketCalled && e.DisplayNumber == number, TimeSpan.FromSeconds(30));
        var after = await management.GetActivationAddress(hall);

        var failures = load.Refusals.ToList();
        output.WriteLine($"killed {victim.Process.Name} (hosting hall c0) at {killedAt.TotalSeconds:F1} s; every hall answered again after {(recovered - killedAt).TotalSeconds:F1} s");
        output.WriteLine($"acknowledged {load.Tickets.Count} tickets ({load.Tickets.Count(t => t.Started > killedAt)} after the kill); refused {failures.Count}: " +
            string.Join(", ", failures.GroupBy(f => f.Status).Select(g => $"{g.Key}×{g.Count()}")) +
            $"; slowest refusal {(failures.Count == 0 ? 0 : failures.Max(f => (f.Answered - f.Started).TotalSeconds)):F1} s; board resyncs {resyncsBefore} before the kill, {board.Resyncs - resyncsBefore} after");
        Assert.Equal(survivor.SiloPort, after?.Endpoint.Port);
        Assert.All(failures, f => Assert.True(
            (f.Status == 503 || f.Status is >= 400 and < 500) && f.MediaType == "application/problem+json",
            $"a failed request answered {f.Status} {f.MediaType}: {f.Body}"));
        await AssertEveryTicketIsFound(load, cluster.AdministratorToken);
    }

    private async Task<TimeSpan> WaitForEveryHall(TicketLoad load, TimeSpan killedAt)
    {
        while (true)
        {
            var answered = ClusterFixture.Halls.Select(h => load.Tickets.Where(t => t.Hall == h && t.Started > killedAt).Select(t => t.Answered).DefaultIfEmpty().Min()).ToList();
            if (answered.All(a => a > TimeSpan.Zero))
            {
                return answered.Max();
            }

            Assert.True(load.Now - killedAt < FailoverLimit, $"not every hall issued a ticket within {FailoverLimit} of the kill\n{cluster.Logs()}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Every acknowledged ticket answers GET /api/tickets/{id} on either web node and has its TicketIssued event in the journal.</summary>
    private static async Task AssertEveryTicketIsFound(TicketLoad load, string token)
    {
        var acknowledged = load.Tickets.ToList();
        using var http = ClusterHttp.Create(null, token);
        var nodes = load.WebNodes;
        await Parallel.ForEachAsync(acknowledged.Select((t, i) => (t, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, token) =>
        {
            using var response = await http.GetAsync(new Uri(nodes[item.i % nodes.Count], $"/api/tickets/{item.t.TicketId}"), token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"acknowledged ticket {item.t.TicketId} answered {(int)response.StatusCode}");
        });

        foreach (var hall in ClusterFixture.Halls)
        {
            var journal = new List<HallEvent>();
            while (true)
            {
                var page = await http.GetFromJsonAsync<List<HallEvent>>(new Uri(nodes[0], $"/api/halls/{hall}/events?after={journal.Count}&max=1000"), Queue.Contracts.QueueJson.Options);
                if (page is null or { Count: 0 })
                {
                    break;
                }

                journal.AddRange(page);
            }

            Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
            var issued = journal.Where(e => e.Kind == HallEventKind.TicketIssued).Select(e => e.TicketId).ToHashSet();
            var missing = acknowledged.Where(t => t.Hall == hall && !issued.Contains(t.TicketId)).ToList();
            Assert.True(missing.Count == 0, $"hall {hall}: {missing.Count} acknowledged tickets have no TicketIssued event");
        }
    }

    /// <summary>Calls the next ticket at a window (one that has never called before, so it is idle); answers the number called.</summary>
    private static async Task<string> CallAsync(HttpClient web, string hall, int window)
    {
        using var response = await web.PostAsJsonAsync(new Uri($"/api/halls/{hall}/windows/{window}/call-next", UriKind.Relative), new { });
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"call-next {hall}/{window}: {(int)response.StatusCode} {body}");
        return body.GetProperty("current").GetProperty("displayNumber").GetString()!;
    }
}

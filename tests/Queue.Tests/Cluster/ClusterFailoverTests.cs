using System.Net;
using System.Net.Http.Json;
using Orleans.Runtime;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Xunit.Abstractions;

namespace Queue.Tests.Cluster;

/// <summary>
/// Two silo processes and two client web processes over real Redis and PostgreSQL (see <see cref="ClusterFixture"/>).
/// Either test may run first: the call test holds with two silos as with the survivor of the kill test.
/// </summary>
public sealed class ClusterFailoverTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ACallMadeThroughOneWebNodeReachesABoardConnectedToTheOther()
    {
        await using var board = await ClusterBoard.ConnectAsync(cluster.WebB.BaseAddress, "c1");
        using var web = new HttpClient { BaseAddress = cluster.WebA.BaseAddress, Timeout = TicketLoad.RequestLimit };

        using var issued = await web.PostAsJsonAsync(new Uri("/api/halls/c1/themes/SW/tickets", UriKind.Relative), new { channel = "Kiosk" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var number = await CallAsync(web, "c1", 1);

        var called = await board.WaitForAsync(e => e.Kind == HallEventKind.TicketCalled && e.DisplayNumber == number, TimeSpan.FromSeconds(20));
        Assert.Equal(1, called.WindowNo);
        Assert.Null(called.TicketId);
    }

    [Fact]
    public async Task EveryLiveProcessIsLiveAndReadyAndTheWebNodesServeTheOrleansDashboard()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        foreach (var node in cluster.Silos.Select(s => s.Process).Append(cluster.WebA).Append(cluster.WebB).Where(p => p.IsRunning))
        {
            foreach (var path in new[] { "/health/live", "/health/ready" })
            {
                using var response = await http.GetAsync(new Uri(node.BaseAddress, path));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{node.Name} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        foreach (var web in new[] { cluster.WebA, cluster.WebB })
        {
            using var dashboard = await http.GetAsync(new Uri(web.BaseAddress, "/orleans/"));
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
        await using var board = await ClusterBoard.ConnectAsync(cluster.WebB.BaseAddress, "c0");
        var hall = cluster.Client.GetGrain<IHallGrain>("c0");
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var before = await management.GetActivationAddress(hall) ?? throw new InvalidOperationException("hall c0 is not active");
        var victim = cluster.Silos.Single(s => s.SiloPort == before.Endpoint.Port);
        var survivor = cluster.Silos.Single(s => s != victim);
        Assert.True(survivor.Process.IsRunning, "the other silo runs");
        var load = new TicketLoad(
            [cluster.WebA.BaseAddress, cluster.WebB.BaseAddress],
            [.. ClusterFixture.Halls.SelectMany(h => ClusterFixture.Themes.Select(t => (h, t)))]);
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

        using var web = new HttpClient { BaseAddress = cluster.WebA.BaseAddress, Timeout = TicketLoad.RequestLimit };
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
        await AssertEveryTicketIsFound(load);
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
    private static async Task AssertEveryTicketIsFound(TicketLoad load)
    {
        var acknowledged = load.Tickets.ToList();
        using var http = new HttpClient { Timeout = TicketLoad.RequestLimit };
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

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.WebTests.Security;

namespace Queue.WebTests.Http;

[Collection(QueueWebCollection.Name)]
public sealed class SimulationTests(QueueWebFactory factory)
{
    private static readonly string[] Policies = ["DedicatedFifo", "QueueRouting", "QueueRoutingWithGuardian", "QueueRoutingWithGuardianAndTidal"];

    [Fact]
    public async Task AManagersRunOnTheDemoHallComparesTheFourPolicies()
    {
        using var http = factory.CreateClient();
        var halfHours = new double[48];
        Array.Fill(halfHours, 3.0, 17, 17);
        using var response = await http.PostAsJsonAsync("/api/halls/binjiang/simulations", new
        {
            date = "2026-12-08",
            rates = new Dictionary<string, double[]> { ["BDC"] = [8], ["SW"] = halfHours },
            replications = 2,
            seed = 7,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("binjiang", root.GetProperty("hallId").GetString());
        Assert.Equal(2, root.GetProperty("replications").GetInt32());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.InRange(root.GetProperty("expectedTickets").GetDouble(), 50, 150);
        var policies = root.GetProperty("policies").EnumerateArray().ToList();
        Assert.Equal(Policies, policies.Select(p => p.GetProperty("policy").GetString()));
        Assert.All(policies, p =>
        {
            var share = p.GetProperty("shareWithinTarget");
            Assert.InRange(share.GetProperty("mean").GetDouble(), 0, 1);
            Assert.Equal(JsonValueKind.Number, share.GetProperty("low").ValueKind);
            Assert.True(p.GetProperty("windowHours").GetProperty("mean").GetDouble() > 0);
        });
    }

    [Fact]
    public async Task StaffCannotSimulate()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        using var staff = world.Client(Callers.Staff);

        using var response = await staff.PostAsJsonAsync($"/api/halls/{world.HallA}/simulations", new { rates = new Dictionary<string, double[]> { ["AA"] = [2] } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("no-such-hall", """{"rates":{"BDC":[2]}}""", HttpStatusCode.NotFound, "hall-not-found")]
    [InlineData("binjiang", """{"rates":{"NOPE":[2]}}""", HttpStatusCode.UnprocessableEntity, "theme-not-found")]
    [InlineData("binjiang", """{"rates":{"BDC":[-1]}}""", HttpStatusCode.UnprocessableEntity, "invalid-rates")]
    [InlineData("binjiang", """{"rates":{"BDC":[1,2,3]}}""", HttpStatusCode.UnprocessableEntity, "invalid-rates")]
    [InlineData("binjiang", """{"arrivals":"rates"}""", HttpStatusCode.BadRequest, "missing-rates")]
    [InlineData("binjiang", """{"rates":{"BDC":[2]},"replications":51}""", HttpStatusCode.UnprocessableEntity, "invalid-replications")]
    [InlineData("binjiang", """{"rates":{"BDC":[2]},"replications":0}""", HttpStatusCode.UnprocessableEntity, "invalid-replications")]
    [InlineData("binjiang", """{"rates":{"BDC":[2]},"policies":["Chaos"]}""", HttpStatusCode.BadRequest, "invalid-policies")]
    [InlineData("binjiang", """{"rates":{"BDC":[1000],"SW":[1000]},"replications":50}""", HttpStatusCode.UnprocessableEntity, "simulation-too-large")]
    public async Task BadSimulationsAreRefusedWithProblemDetailsInBothLanguages(string hall, string body, HttpStatusCode status, string code)
    {
        using var http = factory.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"/api/halls/{hall}/simulations", content);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"code\":\"{code}\"", text, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Queue.Contracts.Model;
using Queue.Dashboard.Api;
using Queue.Engine.TimeSeries;

namespace Queue.WebTests.Http;

/// <summary>
/// The simulation's inputs over HTTP: a replayed day (tickets issued through the API; the demo's history), the forecast,
/// citizens' behaviour, the staffing plan (configured, the stored tidal advice, a custom grid), and one run at a time.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class SimulationInputTests(QueueWebFactory factory)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);

    private static string Day(int offset) => Text(Today.AddDays(offset));

    /// <summary>The <paramref name="n"/>th working day (Monday to Friday) after today, or before it when negative: the demo's history has weekdays only.</summary>
    private static string Weekday(int n)
    {
        var day = Today;
        for (var left = Math.Abs(n); left > 0;)
        {
            day = day.AddDays(Math.Sign(n));
            left -= day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return Text(day);
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ADayOfTicketsIssuedThroughTheApiIsReplayedTicketForTicket()
    {
        using var http = factory.CreateClient();
        var api = new QueueApi(http);
        var hallId = await AllDayHall(api);
        var issued = new List<Queue.Contracts.Snapshots.TicketSnapshot>();
        for (var i = 0; i < 5; i++)
        {
            issued.Add(await api.Issue(hallId, i % 2 == 0 ? "AA" : "BB"));
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(issued[0].IssuedAt, Shanghai).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var root = await Simulate(http, hallId, new { date = day, arrivals = "replay", replications = 2, seed = 3, policies = new[] { "QueueRouting" } });

        Assert.Equal(5, root.GetProperty("expectedTickets").GetDouble());
        var routing = root.GetProperty("policies")[0];
        Assert.Equal(1, routing.GetProperty("shareWithinTarget").GetProperty("mean").GetDouble());
        Assert.True(routing.GetProperty("windowHours").GetProperty("mean").GetDouble() > 60, "3 windows open all day");
    }

    [Fact]
    public async Task YesterdayOfTheDemoHistoryIsReplayedFromTheTimeSeries()
    {
        using var http = factory.CreateClient();
        await DemoHistoryWritten();

        var root = await Simulate(http, "binjiang", new { date = Weekday(1), arrivals = "replay", replayDate = Weekday(-1), replications = 2, seed = 4 });

        Assert.InRange(root.GetProperty("expectedTickets").GetDouble(), 100, 5000);
        Assert.Equal(4, root.GetProperty("policies").GetArrayLength());
    }

    [Fact]
    public async Task WithoutRatesTheForecastTheTidalAdviceUsesGivesTheArrivals()
    {
        using var http = factory.CreateClient();
        await DemoHistoryWritten();

        var defaulted = await Simulate(http, "binjiang", new { date = Weekday(4), replications = 2, seed = 5, policies = new[] { "QueueRouting" } });
        var named = await Simulate(http, "binjiang", new { date = Weekday(4), arrivals = "forecast", replications = 2, seed = 5, policies = new[] { "QueueRouting" } });

        Assert.InRange(defaulted.GetProperty("expectedTickets").GetDouble(), 100, 5000);
        Assert.Equal(defaulted.GetProperty("expectedTickets").GetDouble(), named.GetProperty("expectedTickets").GetDouble());
        Assert.Equal(
            defaulted.GetProperty("policies")[0].GetProperty("windowHours").GetProperty("mean").GetDouble(),
            named.GetProperty("policies")[0].GetProperty("windowHours").GetProperty("mean").GetDouble());
    }

    [Fact]
    public async Task BehaviourReachesTheSimulation()
    {
        using var http = factory.CreateClient();
        var rates = new Dictionary<string, double[]> { ["BDC"] = [30], ["SW"] = [20] };

        var plain = await Simulate(http, "binjiang", new { date = "2026-12-08", rates, replications = 2, seed = 6, policies = new[] { "QueueRouting" } });
        var busy = await Simulate(http, "binjiang", new
        {
            date = "2026-12-08", rates, replications = 2, seed = 6, policies = new[] { "QueueRouting" },
            behaviour = new { noShowShare = 0.05, meanPatienceMinutes = 60, greenChannelShare = 0.02, appointmentShare = 0.1, transferShare = 0.3, holdShare = 0.2 },
        });

        double Utilization(JsonElement root) => root.GetProperty("policies")[0].GetProperty("utilization").GetProperty("mean").GetDouble();
        Assert.True(Utilization(busy) > Utilization(plain), "transferred and held citizens come back for a second service");
    }

    [Fact]
    public async Task ACustomPlanClosesWindowsAndTheStoredTidalAdviceCanBeThePlan()
    {
        using var http = factory.CreateClient();
        var rates = new Dictionary<string, double[]> { ["BDC"] = [20] };
        var lunch = Enumerable.Range(1, 20).SelectMany(w => new[] { new { windowNo = w, interval = 23, closed = true }, new { windowNo = w, interval = 24, closed = true } }).ToList();
        var policies = new[] { "QueueRouting" };

        var configured = await Simulate(http, "binjiang", new { date = "2026-12-08", rates, replications = 1, seed = 8, policies, plan = new { kind = "configured" } });
        var custom = await Simulate(http, "binjiang", new
        {
            date = "2026-12-08", rates, replications = 1, seed = 8, policies,
            plan = new { kind = "custom", cells = new object[] { new { windowNo = 3, interval = 18, profile = new { kind = "Dedicated", themes = new[] { "BDC" } } } }.Concat(lunch) },
        });

        double Hours(JsonElement root) => root.GetProperty("policies")[0].GetProperty("windowHours").GetProperty("mean").GetDouble();
        Assert.InRange(Hours(configured) - Hours(custom), 19, 21); // 20 windows away for an hour

        // A theme cell is the tidal switch (TidalAdvisor.ProfileFor): the same day as the profile it stands for.
        var window5 = (await http.GetFromJsonAsync<JsonElement>("/api/halls/binjiang")).GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("windowNo").GetInt32() == 5);
        var ownThemes = window5.GetProperty("profile").GetProperty("themes").EnumerateArray().Select(t => t.GetString()!).Where(t => t != "SW");
        object Switched(object cell) => new { date = "2026-12-08", rates, replications = 1, seed = 8, policies, plan = new { kind = "custom", cells = new[] { cell } } };
        var byTheme = await Simulate(http, "binjiang", Switched(new { windowNo = 5, interval = 20, theme = "SW" }));
        var byProfile = await Simulate(http, "binjiang", Switched(new { windowNo = 5, interval = 20, profile = new { kind = "Ordered", themes = ownThemes.Prepend("SW").ToArray() } }));
        Assert.Equal(byProfile.GetProperty("policies").GetRawText(), byTheme.GetProperty("policies").GetRawText());

        var day = Weekday(3);
        (await http.PostAsync($"/api/halls/binjiang/advice/{day}/compute", null)).EnsureSuccessStatusCode();
        var tidal = await Simulate(http, "binjiang", new { date = day, replications = 1, seed = 8, plan = new { kind = "tidal" } });
        Assert.Equal(4, tidal.GetProperty("policies").GetArrayLength());
    }

    [Fact]
    public async Task ASecondSimulationWhileOneRunsIsRefused()
    {
        using var http = factory.CreateClient();
        var body = new { date = "2026-12-08", rates = new Dictionary<string, double[]> { ["BDC"] = [5] }, replications = 1, seed = 1 };
        var gate = factory.Services.GetRequiredService<SimulationGate>();

        using (gate.Enter())
        {
            using var refused = await http.PostAsJsonAsync("/api/halls/binjiang/simulations", body);
            await AssertRefused(refused, HttpStatusCode.Conflict, "simulation-busy");
        }

        using var after = await http.PostAsJsonAsync("/api/halls/binjiang/simulations", body);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task AHallWithoutHistoryHasNothingToReplayOrForecast()
    {
        using var http = factory.CreateClient();
        var hallId = await new QueueApi(http).NewHall();

        using var replay = await Post(http, hallId, $$"""{"arrivals":"replay","replayDate":"{{Day(-1)}}"}""");
        await AssertRefused(replay, HttpStatusCode.UnprocessableEntity, "simulation-no-replay-data");
        using var forecast = await Post(http, hallId, "{}");
        await AssertRefused(forecast, HttpStatusCode.UnprocessableEntity, "simulation-no-forecast");
        using var tidal = await Post(http, hallId, $$$"""{"date":"{{{Day(30)}}}","rates":{"AA":[2]},"plan":{"kind":"tidal"}}""");
        await AssertRefused(tidal, HttpStatusCode.UnprocessableEntity, "simulation-no-tidal-plan");
    }

    [Theory]
    [InlineData("""{"arrivals":"journal"}""", HttpStatusCode.BadRequest, "invalid-arrivals")]
    [InlineData("""{"arrivals":"replay","replayDate":"yesterday"}""", HttpStatusCode.BadRequest, "invalid-replayDate")]
    [InlineData("""{"arrivals":"replay","rates":{"BDC":[2]}}""", HttpStatusCode.UnprocessableEntity, "simulation-rates-unused")]
    [InlineData("""{"arrivals":"forecast","rates":{"BDC":[2]}}""", HttpStatusCode.UnprocessableEntity, "simulation-rates-unused")]
    [InlineData("""{"rates":{"BDC":[2]},"behaviour":{"noShowShare":1.5}}""", HttpStatusCode.UnprocessableEntity, "invalid-noShowShare")]
    [InlineData("""{"rates":{"BDC":[2]},"behaviour":{"meanPatienceMinutes":0}}""", HttpStatusCode.UnprocessableEntity, "invalid-meanPatienceMinutes")]
    [InlineData("""{"rates":{"BDC":[2]},"behaviour":{"greenChannelShare":-0.1}}""", HttpStatusCode.UnprocessableEntity, "invalid-greenChannelShare")]
    [InlineData("""{"rates":{"BDC":[2]},"behaviour":{"greenChannelShare":0.6,"appointmentShare":0.6}}""", HttpStatusCode.UnprocessableEntity, "invalid-appointmentShare")]
    [InlineData("""{"rates":{"BDC":[2]},"behaviour":{"transferShare":2}}""", HttpStatusCode.UnprocessableEntity, "invalid-transferShare")]
    [InlineData("""{"rates":{"BDC":[2]},"behaviour":{"transferShare":0.6,"holdShare":0.6}}""", HttpStatusCode.UnprocessableEntity, "invalid-holdShare")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"rota"}}""", HttpStatusCode.BadRequest, "invalid-plan.kind")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom"}}""", HttpStatusCode.BadRequest, "missing-plan.cells")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"configured","cells":[{"windowNo":1,"interval":20,"closed":true}]}}""", HttpStatusCode.BadRequest, "invalid-plan.cells")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom","cells":[{"windowNo":99,"interval":20,"closed":true}]}}""", HttpStatusCode.UnprocessableEntity, "simulation-window-not-found")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom","cells":[{"windowNo":1,"interval":48,"closed":true}]}}""", HttpStatusCode.UnprocessableEntity, "invalid-interval")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom","cells":[{"windowNo":1,"interval":20}]}}""", HttpStatusCode.UnprocessableEntity, "invalid-plan-cell")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom","cells":[{"windowNo":5,"interval":20,"theme":"SW","closed":true}]}}""", HttpStatusCode.UnprocessableEntity, "invalid-plan-cell")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom","cells":[{"windowNo":5,"interval":20,"theme":"NOPE"}]}}""", HttpStatusCode.UnprocessableEntity, "theme-not-found")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom","cells":[{"windowNo":1,"interval":20,"closed":true,"profile":{"kind":"Comprehensive"}}]}}""", HttpStatusCode.UnprocessableEntity, "invalid-plan-cell")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom","cells":[{"windowNo":1,"interval":20,"closed":true},{"windowNo":1,"interval":20,"closed":true}]}}""", HttpStatusCode.UnprocessableEntity, "invalid-plan-cell")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom","cells":[{"windowNo":1,"interval":20,"profile":{"kind":"Tidal"}}]}}""", HttpStatusCode.BadRequest, "invalid-profile.kind")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom","cells":[{"windowNo":1,"interval":20,"profile":{"kind":"Dedicated","themes":["BDC","SW"]}}]}}""", HttpStatusCode.UnprocessableEntity, "window-profile")]
    [InlineData("""{"rates":{"BDC":[2]},"plan":{"kind":"custom","cells":[{"windowNo":1,"interval":20,"profile":{"kind":"Ordered","themes":["NOPE"]}}]}}""", HttpStatusCode.UnprocessableEntity, "window-theme")]
    public async Task BadInputsAreRefusedWithProblemDetailsInBothLanguages(string body, HttpStatusCode status, string code)
    {
        using var http = factory.CreateClient();

        using var response = await Post(http, "binjiang", body);

        await AssertRefused(response, status, code);
    }

    /// <summary>The demo's weeks of history are written in the background at start-up; a figure read from them waits for all of it.</summary>
    private async Task DemoHistoryWritten() =>
        await factory.Services.GetServices<IHostedService>().OfType<SyntheticHistorySeeder>().Single().SeedAsync();

    private static async Task<string> AllDayHall(QueueApi api)
    {
        var hallId = QueueApi.NewHallId();
        var config = TestHalls.Small(hallId, QueueApi.Themes, WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB"), WindowProfile.Comprehensive) with
        {
            Opens = new TimeOnly(0, 0), Closes = new TimeOnly(23, 59),
        };
        await QueueApi.Checked<JsonElement>(api.Put($"/api/halls/{hallId}", config), HttpStatusCode.OK);
        return hallId;
    }

    private static async Task<JsonElement> Simulate(HttpClient http, string hallId, object body)
    {
        using var response = await http.PostAsJsonAsync($"/api/halls/{hallId}/simulations", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string hallId, string body)
    {
        var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return http.PostAsync($"/api/halls/{hallId}/simulations", content);
    }

    private static async Task AssertRefused(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", text, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Queue.WebTests.Security;

namespace Queue.WebTests.Http;

/// <summary>
/// The what-if (推演) section's server side: a simulation's figures by theme × hour, the heatmap drawn from them, and a
/// drawn tidal plan replacing the day's advice before it is applied through /apply.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class WhatIfTests(QueueWebFactory factory)
{
    [Fact]
    public async Task ASimulationAnswersEachPolicysShareMeanWaitAndTicketsByThemeAndHour()
    {
        using var http = factory.CreateClient();
        using var response = await http.PostAsJsonAsync("/api/halls/binjiang/simulations", new
        {
            date = "2026-12-08",
            rates = new Dictionary<string, double[]> { ["BDC"] = [8], ["SW"] = [4] },
            replications = 2,
            seed = 11,
            policies = new[] { "DedicatedFifo", "QueueRouting" },
            arrivals = "rates", // the page also sends the fields of the request reader; unknown ones are ignored until it lands
            plan = new { kind = "configured" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var expected = json.RootElement.GetProperty("expectedTickets").GetDouble();
        foreach (var policy in json.RootElement.GetProperty("policies").EnumerateArray())
        {
            var cells = policy.GetProperty("byThemeAndHour").EnumerateArray().ToList();
            Assert.Equal(["BDC", "SW"], cells.Select(c => c.GetProperty("theme").GetString()).Distinct().Order(StringComparer.Ordinal));
            Assert.All(cells, c =>
            {
                Assert.InRange(c.GetProperty("hour").GetInt32(), 8, 16); // the demo hall opens 08:30–17:00
                Assert.InRange(c.GetProperty("shareWithinTarget").GetDouble(), 0, 1);
                Assert.True(c.GetProperty("tickets").GetDouble() > 0);
                if (c.TryGetProperty("meanWaitMinutes", out var wait))
                {
                    Assert.InRange(wait.GetDouble(), 0, 600);
                }
            });
            var tickets = cells.Sum(c => c.GetProperty("tickets").GetDouble());
            Assert.InRange(tickets, expected * 0.7, expected * 1.3); // 8.5 h × 12 an hour ≈ 102 a day, Poisson over 2 days
            var byTheme = cells.Where(c => c.GetProperty("theme").GetString() == "BDC").Sum(c => c.GetProperty("tickets").GetDouble());
            Assert.InRange(byTheme / tickets, 0.5, 0.85); // BDC is two thirds of the arrivals
        }
    }

    [Fact]
    public async Task TheHeatmapDrawsAPolicysMeanWaitsWithTheHallsThemeNamesInEitherLanguage()
    {
        using var http = factory.CreateClient();
        var body = new
        {
            date = "2026-12-08",
            policy = "QueueRoutingWithGuardian",
            scaleMax = 60,
            cells = new object[] { new { theme = "BDC", hour = 9, meanWaitMinutes = 31.4 }, new { theme = "SW", hour = 10 } },
        };

        using var zh = await http.PostAsJsonAsync("/api/halls/binjiang/simulations/heatmap?w=900&h=450", body);
        using var en = await http.PostAsJsonAsync("/api/halls/binjiang/simulations/heatmap?lang=en", body);

        Assert.Equal(HttpStatusCode.OK, zh.StatusCode);
        Assert.Equal("image/svg+xml", zh.Content.Headers.ContentType?.MediaType);
        var svg = await zh.Content.ReadAsStringAsync();
        Assert.Contains("不动产登记", svg, StringComparison.Ordinal);
        Assert.Contains("统一分派＋超时调度", svg, StringComparison.Ordinal);
        Assert.Matches(@">\s*31\s*</text>", svg); // the cell's value, written in it
        Assert.Contains("width=\"900\"", svg, StringComparison.Ordinal);
        var english = await en.Content.ReadAsStringAsync();
        Assert.Contains("Real estate registration", english, StringComparison.Ordinal);
        Assert.Contains("Routing + SLA guardian", english, StringComparison.Ordinal);
        Assert.DoesNotContain("不动产登记", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-hall", "", """{"policy":"QueueRouting","cells":[]}""", HttpStatusCode.NotFound, "hall-not-found")]
    [InlineData("binjiang", "", """{"policy":"QueueRouting","cells":[{"theme":"NOPE","hour":9,"meanWaitMinutes":3}]}""", HttpStatusCode.UnprocessableEntity, "theme-not-found")]
    [InlineData("binjiang", "", """{"policy":"QueueRouting","cells":[{"theme":"BDC","hour":24,"meanWaitMinutes":3}]}""", HttpStatusCode.UnprocessableEntity, "invalid-hour")]
    [InlineData("binjiang", "", """{"policy":"QueueRouting","cells":[{"theme":"BDC","hour":9,"meanWaitMinutes":-1}]}""", HttpStatusCode.UnprocessableEntity, "invalid-meanWaitMinutes")]
    [InlineData("binjiang", "", """{"policy":"QueueRouting","scaleMax":0,"cells":[]}""", HttpStatusCode.UnprocessableEntity, "invalid-scaleMax")]
    [InlineData("binjiang", "", """{"policy":"Chaos","cells":[]}""", HttpStatusCode.BadRequest, "invalid-policy")]
    [InlineData("binjiang", "", """{"policy":"3","cells":[]}""", HttpStatusCode.BadRequest, "invalid-policy")]
    [InlineData("binjiang", "", """{"cells":[]}""", HttpStatusCode.BadRequest, "missing-policy")]
    [InlineData("binjiang", "", """{"policy":"QueueRouting"}""", HttpStatusCode.BadRequest, "missing-cells")]
    [InlineData("binjiang", "?w=10", """{"policy":"QueueRouting","cells":[]}""", HttpStatusCode.BadRequest, "invalid-size")]
    [InlineData("binjiang", "", """{"policy":"QueueRouting","date":"2026-13-45","cells":[]}""", HttpStatusCode.BadRequest, "invalid-date")]
    public async Task BadHeatmapsAreRefusedWithProblemDetailsInBothLanguages(string hall, string query, string body, HttpStatusCode status, string code)
    {
        using var http = factory.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"/api/halls/{hall}/simulations/heatmap{query}", content);

        await AssertRefused(response, status, code);
    }

    [Fact]
    public async Task ADrawnPlanReplacesTheDaysAdviceIsAppliedThroughApplyAndCannotBeReplacedWhileApplied()
    {
        using var http = factory.CreateClient();
        const string day = "/api/halls/binjiang/advice/2099-03-04";

        using var put = await http.PutAsJsonAsync($"{day}/plan", new
        {
            cells = new object[]
            {
                new { windowNo = 5, interval = 18, theme = "SW" }, new { windowNo = 5, interval = 19, theme = "SW" }, new { windowNo = 5, interval = 20, theme = "BDC" },
                new { windowNo = 14, interval = 17, theme = "HJ" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using (var json = JsonDocument.Parse(await put.Content.ReadAsStringAsync()))
        {
            var advice = json.RootElement;
            var intervals = advice.GetProperty("intervals").EnumerateArray().Select(i => i.GetInt32()).ToList();
            Assert.Equal(Enumerable.Range(17, 17), intervals); // 08:30 to 16:30
            var windows = advice.GetProperty("windows").EnumerateArray().ToDictionary(w => w.GetProperty("windowNo").GetInt32());
            Assert.Equal([5, 6, 9, 14, 18], windows.Keys.Order());
            var five = windows[5].GetProperty("themes").EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Null ? null : t.GetString()).ToList();
            Assert.Equal([null, "SW", "SW", "BDC", .. Enumerable.Repeat<string?>(null, 13)], five);
            Assert.Equal(1, windows[5].GetProperty("switches").GetInt32());
            Assert.Equal("HJ", windows[14].GetProperty("themes")[0].GetString());
            Assert.All(windows[6].GetProperty("themes").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.ValueKind));
            Assert.False(advice.TryGetProperty("appliedAt", out _));
        }

        using var applied = await http.PostAsync($"{day}/apply", null);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        using var again = await http.PutAsJsonAsync($"{day}/plan", new { cells = Array.Empty<object>() });
        await AssertRefused(again, HttpStatusCode.Conflict, "tidal-plan-applied");

        using var undone = await http.PostAsync($"{day}/undo", null);
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        using var replaced = await http.PutAsJsonAsync($"{day}/plan", new { cells = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
    }

    [Theory]
    [InlineData("2099-03-05", """{"cells":[{"windowNo":1,"interval":20,"theme":"BDC"}]}""", HttpStatusCode.UnprocessableEntity, "window-not-tidal")]
    [InlineData("2099-03-05", """{"cells":[{"windowNo":5,"interval":20,"theme":"HJ"}]}""", HttpStatusCode.UnprocessableEntity, "invalid-plan-cell")]
    [InlineData("2099-03-05", """{"cells":[{"windowNo":5,"interval":2,"theme":"BDC"}]}""", HttpStatusCode.UnprocessableEntity, "invalid-plan-cell")]
    [InlineData("2099-03-05", """{"cells":[{"windowNo":5,"interval":20,"theme":"NOPE"}]}""", HttpStatusCode.UnprocessableEntity, "invalid-plan-cell")]
    [InlineData("2099-03-05", """{"cells":[{"windowNo":99,"interval":20,"theme":"BDC"}]}""", HttpStatusCode.NotFound, "window-not-found")]
    [InlineData("2099-03-05", """{"cells":[{"windowNo":5,"interval":20}]}""", HttpStatusCode.BadRequest, "missing-theme")]
    [InlineData("2099-03-05", """{"cells":[{"windowNo":5,"interval":20,"theme":"BDC"},{"windowNo":5,"interval":20,"theme":"SW"}]}""", HttpStatusCode.BadRequest, "invalid-cells")]
    [InlineData("2099-03-05", """{}""", HttpStatusCode.BadRequest, "missing-cells")]
    [InlineData("2020-01-01", """{"cells":[]}""", HttpStatusCode.Conflict, "advice-past")]
    [InlineData("someday", """{"cells":[]}""", HttpStatusCode.BadRequest, "invalid-date")]
    public async Task BadPlansAreRefusedWithProblemDetailsInBothLanguages(string date, string body, HttpStatusCode status, string code)
    {
        using var http = factory.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PutAsync($"/api/halls/binjiang/advice/{date}/plan", content);

        await AssertRefused(response, status, code);
    }

    [Fact]
    public async Task StaffCannotDrawHeatmapsOrPlans()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        using var staff = world.Client(Callers.Staff);

        using var heatmap = await staff.PostAsJsonAsync($"/api/halls/{world.HallA}/simulations/heatmap", new { policy = "QueueRouting", cells = Array.Empty<object>() });
        using var plan = await staff.PutAsJsonAsync($"/api/halls/{world.HallA}/advice/2099-03-06/plan", new { cells = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Forbidden, heatmap.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, plan.StatusCode);
    }

    private static async Task AssertRefused(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"code\":\"{code}\"", text, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
    }
}

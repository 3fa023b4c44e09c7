using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Queue.Contracts;
using Queue.Contracts.Snapshots;
using Queue.WebTests.Security;

namespace Queue.WebTests.Http;

[Collection(QueueWebCollection.Name)]
public sealed class AdviceTests(QueueWebFactory factory)
{
    private static string Day(int offset) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime)
            .AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TomorrowsAdviceIsComputedFromTheDemoHistoryAndCanBeApplied()
    {
        using var http = factory.CreateClient();
        var tomorrow = Day(1);
        var computed = await Read(await http.PostAsync($"/api/halls/binjiang/advice/{tomorrow}/compute", null));
        Assert.Equal(17, computed.Intervals.Length);
        Assert.Equal([5, 6, 9, 14, 18], computed.Windows.Select(w => w.WindowNo).Order());
        Assert.All(computed.Coverage, c => Assert.InRange(c.Interval, 17, 33));
        Assert.Null(computed.AppliedAt);

        var applied = await Read(await http.PostAsync($"/api/halls/binjiang/advice/{tomorrow}/apply", null));
        Assert.NotNull(applied.AppliedAt);
        Assert.Equal(applied.AppliedAt, (await Read(await http.GetAsync($"/api/halls/binjiang/advice/{tomorrow}"))).AppliedAt);

        // An applied plan is kept: computing again returns it unchanged.
        Assert.Equal(applied.AppliedAt, (await Read(await http.PostAsync($"/api/halls/binjiang/advice/{tomorrow}/compute", null))).AppliedAt);
    }

    [Fact]
    public async Task TheComputedAdviceCarriesErlangCsWindowsBesideTheSimulatedOnesAndKeepsThem()
    {
        using var http = factory.CreateClient();
        var day = Day(3);

        var computed = await Read(await http.PostAsync($"/api/halls/binjiang/advice/{day}/compute", null));
        var check = computed.Check;

        Assert.NotNull(check);
        Assert.Equal(computed.Intervals.AsEnumerable(), check.Intervals.Select(i => i.Interval));
        Assert.All(check.Intervals, i =>
        {
            Assert.Equal(computed.Coverage.Where(c => c.Interval == i.Interval).Sum(c => c.Required), i.ErlangC);
            Assert.InRange(i.Simulated, 1, 20); // never more than the demo hall's windows
            Assert.InRange(i.ShareWithinTarget, 0, 1);
            Assert.True(i.Shortfall == 0 || i.Simulated == 20, $"{i.Interval}: short by {i.Shortfall} with {i.Simulated} windows");
        });
        Assert.Equal(0.95, check.Goal);
        Assert.Equal(check.Intervals.Sum(i => i.Shortfall), check.Shortfall);
        Assert.Equal(check.Intervals.Sum(i => i.Simulated) / 2.0, check.WindowHours);
        Assert.Equal(check.Intervals.Sum(i => i.ErlangC) / 2.0, check.ErlangWindowHours);
        Assert.Equal(check.Intervals.All(i => i.ShareWithinTarget >= check.Goal), check.MeetsGoal);

        // Kept with the advice, and kept when the plan is applied and undone.
        var read = await Read(await http.GetAsync($"/api/halls/binjiang/advice/{day}"));
        Assert.Equal(check.Intervals.AsEnumerable(), read.Check!.Intervals.AsEnumerable());
        var applied = await Read(await http.PostAsync($"/api/halls/binjiang/advice/{day}/apply", null));
        Assert.Equal(check.WindowHours, applied.Check!.WindowHours);
        Assert.Equal(check.WindowHours, (await Read(await http.PostAsync($"/api/halls/binjiang/advice/{day}/undo", null))).Check!.WindowHours);
    }

    [Fact]
    public async Task TheAdviceJsonAddsTheCheckAndKeepsItsEarlierFields()
    {
        using var http = factory.CreateClient();
        var day = Day(4);
        (await http.PostAsync($"/api/halls/binjiang/advice/{day}/compute", null)).EnsureSuccessStatusCode();

        using var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/api/halls/binjiang/advice/{day}"));
        var root = json.RootElement;

        foreach (var field in new[] { "hallId", "date", "intervals", "coverage", "windows", "shortfall", "switches", "weeksOfHistory", "computedAt" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        var check = root.GetProperty("check");
        foreach (var field in new[] { "goal", "intervals", "shareWithinTarget", "erlangWindowHours", "windowHours", "shortfall", "meetsGoal", "replications", "seed", "iterations", "stable" })
        {
            Assert.True(check.TryGetProperty(field, out _), field);
        }

        var first = check.GetProperty("intervals")[0];
        foreach (var field in new[] { "interval", "erlangC", "simulated", "shareWithinTarget", "shortfall" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task TheNightlyJobChecksTomorrowsAdviceAndStoresTheVerdict()
    {
        using var http = factory.CreateClient();
        var jobs = factory.Services.GetRequiredService<Queue.Dashboard.Jobs.QueueJobs>();

        await jobs.AdviseTomorrowAsync();

        var tomorrow = await Read(await http.GetAsync($"/api/halls/binjiang/advice/{Day(1)}"));
        Assert.NotNull(tomorrow.Check);
        Assert.Equal(tomorrow.Check.Intervals.All(i => i.ShareWithinTarget >= tomorrow.Check.Goal), tomorrow.Check.MeetsGoal);
    }

    [Fact]
    public async Task AnAppliedPlanCanBeUndoneOnceAndTheAdviceStaysUnapplied()
    {
        using var http = factory.CreateClient();
        var day = Day(2);
        (await http.PostAsync($"/api/halls/binjiang/advice/{day}/compute", null)).EnsureSuccessStatusCode();
        using (var notApplied = await http.PostAsync($"/api/halls/binjiang/advice/{day}/undo", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, notApplied.StatusCode);
            Assert.Contains("\"code\":\"advice-not-applied\"", await notApplied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.NotNull((await Read(await http.PostAsync($"/api/halls/binjiang/advice/{day}/apply", null))).AppliedAt);
        var undone = await Read(await http.PostAsync($"/api/halls/binjiang/advice/{day}/undo", null));

        Assert.Null(undone.AppliedAt);
        Assert.Equal(5, undone.Windows.Length);
        Assert.Null((await Read(await http.GetAsync($"/api/halls/binjiang/advice/{day}"))).AppliedAt);
        using var again = await http.PostAsync($"/api/halls/binjiang/advice/{day}/undo", null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("\"code\":\"advice-not-applied\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffCannotUndoAPlan()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        using var staff = world.Client(Callers.Staff);

        using var response = await staff.PostAsync($"/api/halls/{world.HallA}/advice/{Day(1)}/undo", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("POST", "/api/halls/binjiang/advice/2001-01-01/undo", HttpStatusCode.NotFound, "advice-not-found")]
    [InlineData("GET", "/api/halls/binjiang/advice/2026-13-01", HttpStatusCode.BadRequest, "invalid-date")]
    [InlineData("POST", "/api/halls/binjiang/advice/tomorrow/compute", HttpStatusCode.BadRequest, "invalid-date")]
    [InlineData("GET", "/api/halls/binjiang/advice/2001-01-01", HttpStatusCode.NotFound, "advice-not-found")]
    [InlineData("POST", "/api/halls/binjiang/advice/2001-01-01/apply", HttpStatusCode.NotFound, "advice-not-found")]
    [InlineData("POST", "/api/halls/no-such-hall/advice/2026-12-01/compute", HttpStatusCode.NotFound, "hall-not-found")]
    public async Task BadAdviceRequestsAreRefusedWithProblemDetails(string method, string path, HttpStatusCode status, string code)
    {
        using var http = factory.CreateClient();
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdviceForAPastDayCannotBeApplied()
    {
        using var http = factory.CreateClient();
        var yesterday = Day(-1);
        (await http.PostAsync($"/api/halls/binjiang/advice/{yesterday}/compute", null)).EnsureSuccessStatusCode();
        using var response = await http.PostAsync($"/api/halls/binjiang/advice/{yesterday}/apply", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("\"code\":\"advice-past\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<TidalAdvice> Read(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TidalAdvice>(QueueJson.Options))!;
    }
}

using System.Net;
using System.Text.Json;
using Queue.Contracts.Analytics;
using Queue.WebTests.Http;

namespace Queue.WebTests.Analytics;

/// <summary>The analytics and chart endpoints over HTTP, against the seeded demo hall.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class AnalyticsEndpointTests(QueueWebFactory web)
{
    private readonly QueueApi _api = new(web.CreateClient());

    public static BadInputTable Table { get; } = new BadInputTable()
        .Add("kpis of a date that is not a date", HttpStatusCode.BadRequest, "invalid-date", api => api.Get("/api/halls/binjiang/analytics/kpis?date=2026-13-01"))
        .Add("waits of a date in another format", HttpStatusCode.BadRequest, "invalid-date", api => api.Get("/api/halls/binjiang/analytics/waits?date=01.03.2026"))
        .Add("arrivals over no weeks", HttpStatusCode.BadRequest, "invalid-weeks", api => api.Get("/api/halls/binjiang/analytics/arrivals?weeks=0"))
        .Add("arrivals over too many weeks", HttpStatusCode.BadRequest, "invalid-weeks", api => api.Get("/api/halls/binjiang/analytics/arrivals?weeks=53"))
        .Add("arrivals of an unknown theme", HttpStatusCode.NotFound, "theme-not-found", api => api.Get("/api/halls/binjiang/analytics/arrivals?theme=NOPE"))
        .Add("quality over a range that runs backwards", HttpStatusCode.BadRequest, "invalid-range", api => api.Get("/api/halls/binjiang/analytics/quality?from=2026-03-02&to=2026-03-01"))
        .Add("staff of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/no-such-hall/analytics/staff"))
        .Add("kpis of a hall id that cannot be", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/api/halls/NO_SUCH/analytics/kpis"))
        .Add("a chart of an unknown hall", HttpStatusCode.NotFound, "hall-not-found", api => api.Get("/charts/no-such-hall/today.svg"))
        .Add("a chart that does not exist", HttpStatusCode.NotFound, "chart-not-found", api => api.Get("/charts/binjiang/pie.svg"))
        .Add("a chart in a format that does not exist", HttpStatusCode.NotFound, "chart-format", api => api.Get("/charts/binjiang/today.gif"))
        .Add("a chart with an unknown metric", HttpStatusCode.BadRequest, "invalid-metric", api => api.Get("/charts/binjiang/today.svg?metric=colour"));

    public static TheoryData<string> BadInputs => Table.Names;

    [Theory]
    [MemberData(nameof(BadInputs))]
    public Task BadAnalyticsQueriesAreRefusedWithAProblemInBothLanguages(string name) => Problem.AssertRefused(Table[name], _api);

    [Fact]
    public async Task TheKpisOfTheDemoHallAreForItsBusinessDay()
    {
        var kpis = await QueueApi.Checked<HallKpis>(_api.Get("/api/halls/binjiang/analytics/kpis"), HttpStatusCode.OK);
        var snapshot = await QueueApi.Checked<Contracts.Snapshots.HallSnapshot>(_api.Get("/api/halls/binjiang/snapshot"), HttpStatusCode.OK);

        Assert.Equal(("binjiang", snapshot.BusinessDay), (kpis.HallId, kpis.Date));
    }

    [Fact]
    public async Task TheStaffReportListsEveryConfiguredWindowInOrder()
    {
        var staff = await QueueApi.Checked<StaffReport>(_api.Get("/api/halls/binjiang/analytics/staff"), HttpStatusCode.OK);

        Assert.Equal(Enumerable.Range(1, 20), staff.Windows.Select(w => w.WindowNo));
    }

    [Theory]
    [InlineData("today.svg?metric=waits", "各业务每小时平均等待（分钟）")]
    [InlineData("today.svg?metric=arrivals", "各业务每小时取号量")]
    [InlineData("waits.svg", "各业务每小时平均等待（分钟）")]
    [InlineData("arrivals.svg?theme=BDC&weeks=4", "近4周 不动产登记 取号热力（星期×半小时，日均）")]
    [InlineData("waiting.svg", "全天等候人数")]
    [InlineData("satisfaction.svg", "各业务满意率")]
    public async Task AChartAnswersSvgWithItsChineseTitle(string chart, string title)
    {
        using var response = await _api.Get("/charts/binjiang/" + chart);
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, "image/svg+xml"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains(title, svg, StringComparison.Ordinal);
    }

    /// <summary>Noto Sans CJK SC draws 户 with the glyph of the Kangxi radical ⼾, whose NFKC form is the traditional 戶.</summary>
    [Theory]
    [InlineData("today.svg?metric=waits")]
    [InlineData("today.svg?metric=arrivals")]
    [InlineData("waits.svg")]
    [InlineData("satisfaction.svg")]
    public async Task AChartWritesTheThemeNamesInTheSimplifiedCharactersTheHallUses(string chart)
    {
        using var response = await _api.Get("/charts/binjiang/" + chart);
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("户籍", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("戶", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(svg, c => c is >= '\u2E80' and <= '\u2FDF');
    }

    [Fact]
    public async Task AChartExportsAsPng()
    {
        using var response = await _api.Get("/charts/binjiang/satisfaction.png?w=800&h=400");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal((HttpStatusCode.OK, "image/png"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
    }

    [Fact]
    public async Task TheAnalyticsAnswerInQueueJson()
    {
        using var response = await _api.Get("/api/halls/binjiang/analytics/waiting-curve");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("binjiang", json.RootElement.GetProperty("hallId").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("points").ValueKind);
    }
}

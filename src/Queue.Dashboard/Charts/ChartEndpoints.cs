using System.Globalization;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Dashboard.Api;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Domain;
using Queue.Hosting;
using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>
/// The charts, drawn by ScottPlot from the analytics grain's figures: <c>/charts/{hall}/{name}.svg</c> for pages and
/// <c>.png</c> for export. Names: <c>today</c> (theme × hour of a day, <c>metric=waits|arrivals</c>), <c>arrivals</c>
/// (weekday × half-hour over <c>weeks</c>, one <c>theme</c> or all), <c>waits</c> (wait by theme × hour of a day),
/// <c>waiting</c> (people waiting over the day), <c>satisfaction</c> (by theme, <c>from</c>..<c>to</c>), <c>satisfaction-by-wait</c> (满意率 per wait band,
/// <c>from</c>..<c>to</c>, at most 92 days), <c>one-trip</c> (最多跑一次实现率 per <c>by=day|month</c>, <c>from</c>..<c>to</c>) and <c>advice</c>
/// (the tidal advice of <c>date</c>: required vs scheduled windows per theme and half hour); and the monthly report's
/// <c>monthly-volumes|waits|compliance</c> of <c>month</c> (<see cref="MonthlyChart"/>). Common
/// query values: <c>dark=1</c> (the big screen), <c>lang=en</c>, <c>w</c> and <c>h</c> in pixels. Not in the OpenAPI
/// document: they answer images, not JSON.
/// </summary>
public static class ChartEndpoints
{
    public static IEndpointRouteBuilder MapChartEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/charts/{hallId}/{name}.{format}", Chart).RequireHall(Permission.Display).ExcludeFromDescription().WithSummary("图表 / Charts as SVG or PNG");
        return routes;
    }

    /// <summary>The big screen's charts, for any display of the hall; the rest are the manager's.</summary>
    private static readonly string[] ScreenCharts = ["today", "waiting"];

    private static async Task<IResult> Chart(
        string hallId, string name, string format, HttpRequest request, IGrainFactory grains, [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        if (!ScreenCharts.Contains(name))
        {
            AccessRules.Require(request.HttpContext.Caller(), Permission.Manage, hallId);
        }

        if (format is not ("svg" or "png"))
        {
            throw Refusals.ChartFormat(format);
        }

        var query = request.Query;
        var style = new ChartStyle(Dark: query["dark"] == "1", English: query["lang"] == "en");
        var width = Size(query["w"], 1200);
        var height = Size(query["h"], 600);
        var hall = await RequestRules.HallConfig(grains, hallId);
        var analytics = AnalyticsEndpoints.Grain(grains, hallId);
        Plot plot = name switch
        {
            "today" => ThemeHourHeatmap.Create(
                await analytics.GetDayByHourAsync(AnalyticsQuery.Date(query["date"])), hall, waits: Metric(query["metric"]), style),
            "waits" => ThemeHourHeatmap.Create(await analytics.GetDayByHourAsync(AnalyticsQuery.Date(query["date"])), hall, waits: true, style),
            "arrivals" => WeekdayArrivalsHeatmap.Create(
                await analytics.GetArrivalPatternAsync(AnalyticsQuery.Weeks(query["weeks"]), AnalyticsQuery.Theme(query["theme"])), hall, style),
            "waiting" => WaitingCurveChart.Create(await analytics.GetWaitingCurveAsync(AnalyticsQuery.Date(query["date"])), style),
            "satisfaction" => await Satisfaction(analytics, hall, query["from"], query["to"], style),
            "satisfaction-by-wait" => await SatisfactionByWait(analytics, query["from"], query["to"], style),
            "advice" => await Advice(grains, hall, query["date"], clock, style),
            "one-trip" => await OneTrip(analytics, query["from"], query["to"], query["by"], style),
            _ when MonthlyChart.Names.Contains(name) => await Monthly(analytics, hall, name, query["month"], clock, style),
            _ => throw Refusals.ChartNotFound(name),
        };
        return ChartOutput.Render(plot, format, width, height);
    }

    private static async Task<Plot> Satisfaction(IHallAnalyticsGrain analytics, HallConfig hall, string? from, string? to, ChartStyle style)
    {
        var (start, end) = AnalyticsQuery.Range(from, to);
        return SatisfactionChart.Create(await analytics.GetQualityAsync(start, end), hall, style);
    }

    private static async Task<Plot> SatisfactionByWait(IHallAnalyticsGrain analytics, string? from, string? to, ChartStyle style)
    {
        var (start, end) = AnalyticsQuery.Range(from, to);
        return SatisfactionByWaitChart.Create(await analytics.GetRatingsAsync(start, end, onlyUnsatisfied: true), style);
    }

    private static async Task<Plot> OneTrip(IHallAnalyticsGrain analytics, string? from, string? to, string? by, ChartStyle style)
    {
        var (start, end) = AnalyticsQuery.Range(from, to);
        var grouping = string.IsNullOrEmpty(by) ? "day" : by is "day" or "month" ? by : throw Refusals.InvalidValue("by", by);
        return OneTripChart.Create(await analytics.GetOneTripAsync(start, end, grouping), style);
    }

    private static async Task<Plot> Advice(IGrainFactory grains, HallConfig hall, string? date, TimeProvider clock, ChartStyle style)
    {
        var day = AnalyticsQuery.Date(date) ?? BusinessClock.Day(clock.GetUtcNow(), hall.TimeZone).AddDays(1);
        var advice = await grains.GetGrain<ITidalPlanGrain>(hall.HallId).GetAsync(day) ?? throw Refusals.AdviceNotFound(day);
        return TidalAdviceHeatmap.Create(advice, hall, style);
    }

    private static async Task<Plot> Monthly(IHallAnalyticsGrain analytics, HallConfig hall, string name, string? month, TimeProvider clock, ChartStyle style)
    {
        var (from, to) = MonthlyReports.Month(month, hall, clock.GetUtcNow());
        return MonthlyChart.Create(name, $"{from:yyyy-MM}", await MonthlyReports.DaysAsync(analytics, from, to), style);
    }

    private static bool Metric(string? metric) => metric switch
    {
        null or "" or "waits" => true,
        "arrivals" => false,
        _ => throw Refusals.InvalidMetric(),
    };

    private static int Size(string? value, int fallback) =>
        string.IsNullOrEmpty(value) ? fallback
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pixels) && pixels is >= 200 and <= 3000 ? pixels
        : throw Refusals.InvalidSize();
}

using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Analytics;
using Queue.Contracts.Grains;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

/// <summary>
/// The hall's analytics for the big screen and the manager pages, through <see cref="IHallAnalyticsGrain"/> (the web tier
/// never reads the time-series store itself). Dates are yyyy-MM-dd in the hall's time zone; today by default.
/// </summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder routes)
    {
        var analytics = routes.MapGroup("/api/halls/{hallId}/analytics").WithTags("Analytics").RequireHall(Permission.Manage)
            .ProducesAccessRefusals().ProducesRefusals(400, 404);
        var screen = routes.MapGroup("/api/halls/{hallId}/analytics").WithTags("Analytics").RequireHall(Permission.Display)
            .ProducesAccessRefusals().ProducesRefusals(400, 404);
        screen.MapGet("/kpis", GetKpis).WithSummary("大屏指标：今日取号、已办结、当前等待、平均/最长等待、30分钟达标率、满意率 / The big screen's figures");
        analytics.MapGet("/arrivals", GetArrivals).WithSummary("近N周星期×半小时取号热力（日均）/ Arrivals by weekday and half-hour over N weeks");
        analytics.MapGet("/waits", GetWaits).WithSummary("按主题×小时的取号与等待时间 / Arrivals and waits per theme and hour of a day");
        analytics.MapGet("/quality", GetQuality).WithSummary("按主题和窗口的满意度与办结情况 / Satisfaction and outcomes by theme and window");
        analytics.MapGet("/not-done", GetNotDone).WithSummary("办结情况与“跑一次没办成”清单 / Outcomes and the not-done list of a day");
        analytics.MapGet("/ratings", GetRatings)
            .WithSummary("好差评：按等候时间的满意率与评价清单（含留言，onlyUnsatisfied=true 只列差评；最多92天）/ Ratings: satisfaction by wait band and the list with comments (only the unsatisfied ones with onlyUnsatisfied=true; at most 92 days)");
        analytics.MapGet("/staff", GetStaff).WithSummary("窗口人员：办件量、平均办理时长、有人等候时的空闲 / Staff figures per window");
        screen.MapGet("/waiting-curve", GetWaitingCurve).WithSummary("全天等候人数曲线（每15分钟）/ People waiting over the day, per 15 minutes");
        return routes.MapReportEndpoints();
    }

    public static IHallAnalyticsGrain Grain(IGrainFactory grains, string hallId) =>
        grains.GetGrain<IHallAnalyticsGrain>(RequestRules.HallId(hallId));

    private static async Task<Ok<HallKpis>> GetKpis(string hallId, IGrainFactory grains, string? date = null) =>
        TypedResults.Ok(await Grain(grains, hallId).GetKpisAsync(AnalyticsQuery.Date(date)));

    private static async Task<Ok<ArrivalPattern>> GetArrivals(string hallId, IGrainFactory grains, string? weeks = null, string? theme = null) =>
        TypedResults.Ok(await Grain(grains, hallId).GetArrivalPatternAsync(AnalyticsQuery.Weeks(weeks), AnalyticsQuery.Theme(theme)));

    private static async Task<Ok<DayByHour>> GetWaits(string hallId, IGrainFactory grains, string? date = null) =>
        TypedResults.Ok(await Grain(grains, hallId).GetDayByHourAsync(AnalyticsQuery.Date(date)));

    private static async Task<Ok<QualityReport>> GetQuality(string hallId, IGrainFactory grains, string? from = null, string? to = null)
    {
        var (start, end) = AnalyticsQuery.Range(from, to);
        return TypedResults.Ok(await Grain(grains, hallId).GetQualityAsync(start, end));
    }

    private static async Task<Ok<NotDoneReport>> GetNotDone(string hallId, IGrainFactory grains, string? date = null) =>
        TypedResults.Ok(await Grain(grains, hallId).GetNotDoneAsync(AnalyticsQuery.Date(date)));

    private static async Task<Ok<RatingsReport>> GetRatings(
        string hallId, IGrainFactory grains, string? from = null, string? to = null, string? onlyUnsatisfied = null)
    {
        var (start, end) = AnalyticsQuery.Range(from, to);
        return TypedResults.Ok(await Grain(grains, hallId).GetRatingsAsync(start, end, RequestRules.Flag(onlyUnsatisfied, "onlyUnsatisfied")));
    }

    private static async Task<Ok<StaffReport>> GetStaff(string hallId, IGrainFactory grains, string? date = null) =>
        TypedResults.Ok(await Grain(grains, hallId).GetStaffAsync(AnalyticsQuery.Date(date)));

    private static async Task<Ok<WaitingCurve>> GetWaitingCurve(string hallId, IGrainFactory grains, string? date = null) =>
        TypedResults.Ok(await Grain(grains, hallId).GetWaitingCurveAsync(AnalyticsQuery.Date(date)));
}

using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

/// <summary>
/// Tidal-window (潮汐窗口) advice: compute it for a day from history (Erlang C per theme, then checked by simulating the
/// hall's pooling windows: <see cref="AdviceCheck"/>), read it, apply it, undo it.
/// </summary>
public static class AdviceEndpoints
{
    public static IEndpointRouteBuilder MapAdviceEndpoints(this IEndpointRouteBuilder routes)
    {
        var advice = routes.MapGroup("/api/halls/{hallId}/advice/{date}").WithTags("Tidal advice").RequireHall(Permission.Manage)
            .ProducesAccessRefusals().ProducesRefusals(400, 404);
        advice.MapGet("/", Get).WithSummary("某日潮汐窗口建议 / The tidal advice for a day (yyyy-MM-dd)");
        advice.MapPost("/compute", Compute).WithSummary("按历史数据生成建议 / Compute the day's advice from history");
        advice.MapPost("/apply", Apply).ProducesRefusals(409).WithSummary("应用建议：窗口按时段切换 / Apply it: tidal windows switch at each interval");
        advice.MapPost("/undo", Undo).ProducesRefusals(409)
            .WithSummary("撤销已应用的方案：潮汐窗口恢复配置的业务 / Undo the applied plan: tidal windows go back to their configured profiles");
        return routes;
    }

    private static async Task<Ok<TidalAdvice>> Get(string hallId, string date, IGrainFactory grains)
    {
        var day = Date(date);
        var advice = await Tidal(hallId, grains).GetAsync(day);
        return TypedResults.Ok(advice ?? throw Refusals.AdviceNotFound(day));
    }

    private static async Task<Ok<TidalAdvice>> Compute(string hallId, string date, AdviceCheck check, CancellationToken requestAborted) =>
        TypedResults.Ok(await check.ComputeAsync(RequestRules.HallId(hallId), Date(date), requestAborted));

    private static async Task<Ok<TidalAdvice>> Apply(string hallId, string date, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await Tidal(hallId, grains).ApplyAsync(Date(date), http.Caller().Id));

    private static async Task<Ok<TidalAdvice>> Undo(string hallId, string date, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await Tidal(hallId, grains).UndoAsync(Date(date), http.Caller().Id));

    private static ITidalPlanGrain Tidal(string hallId, IGrainFactory grains) => grains.GetGrain<ITidalPlanGrain>(RequestRules.HallId(hallId));

    private static DateOnly Date(string date) => AnalyticsQuery.RequiredDate(date);
}

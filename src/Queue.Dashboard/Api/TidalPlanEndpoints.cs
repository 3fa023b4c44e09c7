using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

/// <summary>
/// PUT /api/halls/{hallId}/advice/{date}/plan: the what-if's edited grid becomes the day's tidal plan in place of the
/// computed advice (each tidal window's theme per half hour, standby elsewhere), not yet applied: the manager applies
/// it (and undoes it) through the advice's own /apply and /undo, which journal it.
/// </summary>
public static class TidalPlanEndpoints
{
    /// <summary>Every tidal window × every half hour of a day, at most.</summary>
    public const int MaxCells = 100 * 48;

    public static IEndpointRouteBuilder MapTidalPlanEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPut("/api/halls/{hallId}/advice/{date}/plan", Plan).WithTags("Tidal advice").RequireHall(Permission.Manage)
            .ProducesAccessRefusals().ProducesBodyRefusals().ProducesRefusals(404, 409, 422)
            .WithSummary("以自定潮汐方案替换该日建议（未应用）/ Replace the day's tidal plan by a drawn one (not applied yet)");
        return routes;
    }

    private static async Task<Ok<TidalAdvice>> Plan(string hallId, string date, TidalPlanRequest? request, IGrainFactory grains)
    {
        var day = AnalyticsQuery.RequiredDate(date);
        var body = RequestRules.Body(request);
        var cells = body.Cells ?? throw Refusals.Missing("cells");
        if (cells.Length > MaxCells)
        {
            throw Refusals.InvalidNumber("cells", 0, MaxCells);
        }

        var plan = cells.Select(c => c is { Theme: { Length: > 0 } theme }
            ? new TidalPlanCell(c.WindowNo, c.Interval, theme)
            : throw Refusals.Missing("theme")).ToList();
        if (plan.DistinctBy(c => (c.WindowNo, c.Interval)).Count() != plan.Count)
        {
            throw Refusals.InvalidValue("cells", "duplicate window and interval");
        }

        var grain = grains.GetGrain<ITidalPlanGrain>(RequestRules.HallId(hallId));
        return TypedResults.Ok(await grain.PlanAsync(day, [.. plan]));
    }
}

/// <summary>The body of PUT /api/halls/{hallId}/advice/{date}/plan: the cells where a tidal window takes a theme first.</summary>
public sealed record TidalPlanRequest(TidalPlanRequestCell?[]? Cells);

/// <summary>Tidal window <see cref="WindowNo"/> takes <see cref="Theme"/> first in half hour <see cref="Interval"/> (from 00:00).</summary>
public sealed record TidalPlanRequestCell(int WindowNo, int Interval, string? Theme);

using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Domain;

namespace Queue.Dashboard.Api;

/// <summary>
/// Acting on an SLA alert in one click: the alert's suggested window takes the troubled theme first (SlaMoves.ProfileFor,
/// through the window's own profile rule), journaled with who applied it; "撤销 / Undo" restores the window's profile before.
/// </summary>
public static class AlertMoveEndpoints
{
    public static IEndpointRouteBuilder MapAlertMoveEndpoints(this IEndpointRouteBuilder routes)
    {
        var halls = routes.MapGroup("/api/halls/{hallId}").WithTags("Halls").RequireHall(Permission.Manage).ProducesAccessRefusals();
        halls.MapPost("/alerts/{themeCode}/apply", Apply).ProducesRefusals(404, 409, 422)
            .WithSummary("应用预警的调窗建议 / Apply an SLA alert's window move (the window takes the theme first)");
        halls.MapPost("/windows/{windowNo:int}/undo-move", Undo).ProducesRefusals(404, 409)
            .WithSummary("撤销已应用的调窗 / Undo an applied move: the window's profile before it");
        return routes;
    }

    private static async Task<Ok<WindowSnapshot>> Apply(string hallId, string themeCode, IGrainFactory grains, HttpContext http)
    {
        var config = await RequestRules.HallConfig(grains, hallId);
        var code = RequestRules.ThemeCode(themeCode);
        var alerts = await grains.GetGrain<IHallGrain>(hallId).GetAlertsAsync();
        var alert = alerts.FirstOrDefault(a => a.ThemeCode == code) ?? throw Refusals.AlertNotFound(code);
        var windowNo = alert.SuggestedWindowNo ?? throw Refusals.AlertNoMove(code);
        var window = grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, windowNo));
        var live = await window.GetSnapshotAsync();
        var profile = SlaMoves.ProfileFor(live.Profile, code, config.ThemeCodes);
        var theme = config.FindTheme(code);
        var summary = $"应用SLA调窗：{windowNo}号窗口优先办理{theme?.Name ?? code} / SLA move applied: window {windowNo} takes {theme?.NameEn ?? code} first";
        return TypedResults.Ok(await window.SetProfileAsync(profile, new ProfileMove(http.Caller().Id, summary)));
    }

    private static async Task<Ok<WindowSnapshot>> Undo(string hallId, int windowNo, IGrainFactory grains, HttpContext http)
    {
        await RequestRules.HallConfig(grains, hallId);
        var window = grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, RequestRules.WindowNo(windowNo)));
        return TypedResults.Ok(await window.UndoMoveAsync(http.Caller().Id));
    }
}

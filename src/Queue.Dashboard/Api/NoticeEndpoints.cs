using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;

namespace Queue.Dashboard.Api;

/// <summary>
/// GET /api/halls/{hallId}/themes/{themeCode}/notice: a theme's 一次性告知 (materials, fees, time to complete, notes, in
/// zh and en). Public: the phone and the kiosk show it before the citizen comes or takes a ticket. The hall's
/// configuration (also public) carries the same notice for pages that read it whole, as the kiosk does.
/// </summary>
public static class NoticeEndpoints
{
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/halls/{hallId}/themes/{themeCode}/notice", Get).WithTags("Halls").AllowAnonymous().ProducesRefusals(404)
            .WithSummary("一次性告知：所需材料、收费、办理时限、注意事项（中英文）/ What to bring: materials, fees, time to complete and notes, zh and en");
        return routes;
    }

    private static async Task<Ok<ThemeNoticeView>> Get(string hallId, string themeCode, IGrainFactory grains, KnownHalls halls)
    {
        var hall = await RequestRules.HallConfig(grains, await halls.RequireAsync(hallId));
        var theme = hall.FindTheme(RequestRules.ThemeCode(themeCode)) ?? throw Refusals.ThemeNotFound(themeCode, hallId);
        var notice = theme.Notice ?? throw Refusals.NoticeNotFound(theme.Code);
        return TypedResults.Ok(new ThemeNoticeView(hall.HallId, theme.Code, theme.Name, theme.NameEn, notice));
    }
}

public sealed record ThemeNoticeView(string HallId, string ThemeCode, string Name, string NameEn, ThemeNotice Notice);

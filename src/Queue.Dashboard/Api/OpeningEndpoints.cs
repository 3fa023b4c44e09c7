using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;
using Queue.Domain;
using Queue.Hosting;

namespace Queue.Dashboard.Api;

/// <summary>
/// GET /api/halls/{hallId}/opening: whether each theme issues tickets now by the hall's opening calendar, and if not,
/// when it does next, with the refusal's zh/en sentence. Public: the kiosk and the phone show it instead of a theme button.
/// </summary>
public static class OpeningEndpoints
{
    public static IEndpointRouteBuilder MapOpeningEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/halls").WithTags("Halls")
            .MapGet("/{hallId}/opening", GetOpening).AllowAnonymous().ProducesRefusals(404)
            .WithSummary("取号时间：各主题此刻能否取号、下次办理时间 / Whether each theme issues now, and its next opening");
        return routes;
    }

    private static async Task<Ok<HallOpening>> GetOpening(string hallId, IGrainFactory grains, KnownHalls halls, [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        var hall = await RequestRules.HallConfig(grains, await halls.RequireAsync(hallId));
        var now = clock.GetUtcNow();
        var calendar = OpeningCalendar.For(hall);
        var themes = hall.Themes.Select(theme =>
        {
            if (calendar is null)
            {
                return new ThemeOpening(theme.Code, theme.ZoneId, true, null, null, null, null);
            }

            var verdict = calendar.CanIssue(theme, now);
            try
            {
                calendar.EnsureCanIssue(theme, now);
                return new ThemeOpening(theme.Code, theme.ZoneId, true, null, null, null, null);
            }
            catch (QueueRuleException refusal)
            {
                return new ThemeOpening(theme.Code, theme.ZoneId, false, verdict.CutoffAt, verdict.NextOpening, refusal.MessageZh, refusal.MessageEn);
            }
        }).ToList();
        return TypedResults.Ok(new HallOpening(hall.HallId, now, calendar is not null, themes.Any(t => t.Issuing), themes));
    }
}

/// <param name="Enforced">false: the hall does not enforce opening hours and is always open.</param>
/// <param name="Issuing">true when at least one theme issues now.</param>
public sealed record HallOpening(string HallId, DateTimeOffset At, bool Enforced, bool Issuing, IReadOnlyList<ThemeOpening> Themes);

/// <param name="CutoffAt">set when the zone is open but the theme is past its issue cut-off.</param>
/// <param name="NextOpening">when the theme issues next (null while it issues, or with no opening within a year).</param>
public sealed record ThemeOpening(string ThemeCode, string ZoneId, bool Issuing, DateTimeOffset? CutoffAt, DateTimeOffset? NextOpening, string? MessageZh, string? MessageEn);

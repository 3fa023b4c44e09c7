using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts;
using Queue.Contracts.Analytics;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

/// <summary>
/// 政务办事分析: the citizen's year, from one of their own ticket links. The ticket's key proves possession (the same
/// policy as rating: staff cannot open it), requests are rate-limited like the ticket's own, and only what the ticket's
/// citizen key links is answered (nothing when the ticket was taken without an ID card or phone).
/// </summary>
public static class CitizenYearEndpoints
{
    public static IEndpointRouteBuilder MapCitizenYearEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/tickets/{ticketId}/year", GetYear).WithTags("Tickets")
            .RequireAuthorization(SecurityExtensions.TicketKeyPolicy).RequireRateLimiting(SecurityExtensions.TicketLimit)
            .ProducesAccessRefusals().ProducesRateLimitRefusal().ProducesRefusals(404)
            .WithSummary("我的年度办事：凭号票链接，汇总本人（身份证或手机号）本年在本厅的办事、等候、一次办成与评价 / The citizen's year in the hall, with the ticket's key only");
        return routes;
    }

    private static async Task<Ok<CitizenYear>> GetYear(string ticketId, IGrainFactory grains)
    {
        var id = RequestRules.TicketId(ticketId);
        if (!GrainKeys.TryParseTicketId(id, out var hallId, out _))
        {
            throw Refusals.TicketNotFound();
        }

        return TypedResults.Ok(await AnalyticsEndpoints.Grain(grains, hallId).GetCitizenYearAsync(id));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Domain;
using Queue.Hosting;

namespace Queue.Dashboard.Api;

/// <summary>
/// 到厅签到: the entrance display (a board device) shows the hall's rotating code as a QR of /arrive/{hallId}?c=CODE
/// (<see cref="EntranceCode"/>: a new code each minute, the previous one still accepted); the citizen's phone posts it
/// with the ticket's key, and the remote ticket is arrived. A code seen at the entrance cannot be used from home for long.
/// </summary>
public static class EntranceEndpoints
{
    public static IEndpointRouteBuilder MapEntranceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/halls/{hallId}/entrance", Get).WithTags("Halls").RequireHall(Permission.Display).ProducesAccessRefusals().ProducesRefusals(404)
            .WithSummary("入口签到码（每分钟更换）及其链接 / The entrance's check-in code (new each minute) and its link, for the entrance display");
        routes.MapPost("/api/tickets/{ticketId}/arrive", Arrive).WithTags("Tickets")
            .RequireAuthorization(SecurityExtensions.TicketHolderPolicy).RequireRateLimiting(SecurityExtensions.TicketLimit)
            .ProducesAccessRefusals().ProducesRateLimitRefusal().ProducesBodyRefusals().ProducesRefusals(404, 409, 422)
            .WithSummary("到厅签到：扫描入口签到码 / Check in a remote ticket with the code scanned at the hall's entrance");
        return routes;
    }

    private static async Task<Ok<EntranceView>> Get(
        string hallId, HttpContext http, KnownHalls halls, QueueKeys keys, PublicLinks links, [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        var hall = await halls.RequireAsync(hallId);
        var now = clock.GetUtcNow();
        var code = await keys.EntranceCodeAsync(hall, now);
        var url = links.Absolute(http.Request, $"/arrive/{Uri.EscapeDataString(hall)}?c={code}");
        return TypedResults.Ok(new EntranceView(hall, code, url, EntranceCode.StepSeconds, EntranceCode.NextChange(now), now));
    }

    private static async Task<Ok<TicketSnapshot>> Arrive(
        string ticketId, ArriveRequest? request, HttpContext http, IGrainFactory grains, QueueKeys keys, PublicLinks links,
        [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        var id = RequestRules.TicketId(ticketId);
        var code = RequestRules.Body(request).Code is { Length: > 0 } given ? given.Trim() : throw Refusals.Missing("code");
        GrainKeys.TryParseTicketId(id, out var hallId, out _);
        if (!await keys.IsEntranceCodeAsync(hallId, code, clock.GetUtcNow()))
        {
            throw Refusals.EntranceCode();
        }

        var ticket = await grains.GetGrain<ITicketGrain>(id).ArriveAsync();
        var key = await keys.TicketKeyAsync(ticket.TicketId);
        return TypedResults.Ok(ticket with { AccessKey = key, Link = links.Absolute(http.Request, PublicLinks.TicketPath(ticket.TicketId, key)) });
    }
}

public sealed record ArriveRequest(string? Code);

/// <param name="Url">what the QR encodes: the phone's check-in page with the code.</param>
/// <param name="NextChange">when the code turns (the display refreshes then).</param>
public sealed record EntranceView(string HallId, string Code, string Url, int StepSeconds, DateTimeOffset NextChange, DateTimeOffset At);

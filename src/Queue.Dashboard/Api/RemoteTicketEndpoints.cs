using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Domain;

namespace Queue.Dashboard.Api;

/// <summary>
/// 线上取号: a citizen takes today's ticket for a theme from the phone, identified by an ID-card or phone number (kept
/// only as its keyed hash). The limits per citizen and per address are the Domain's (<see cref="RemoteTicketRules"/>,
/// applied by the hall's <see cref="IRemoteTicketsGrain"/>); the per-minute issue rate limit stays in front. The ticket is
/// "not arrived" until its holder checks in with the entrance's rotating code (<see cref="EntranceEndpoints"/>).
/// </summary>
public static class RemoteTicketEndpoints
{
    public static IEndpointRouteBuilder MapRemoteTicketEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/halls/{hallId}/remote", Themes).WithTags("Tickets").AllowAnonymous()
            .RequireRateLimiting(SecurityExtensions.TicketLimit).ProducesRateLimitRefusal().ProducesRefusals(404)
            .WithSummary("线上取号：各主题当前等候人数与预计等候区间 / Remote tickets: each theme's people waiting and predicted wait range now");
        routes.MapPost("/api/halls/{hallId}/themes/{themeCode}/remote-tickets", Take).WithTags("Tickets").AllowAnonymous()
            .RequireRateLimiting(SecurityExtensions.IssueLimit).ProducesRateLimitRefusal().ProducesBodyRefusals().ProducesRefusals(404, 409, 422)
            .WithSummary("线上取号（须身份证号或手机号；每人每事项一张有效号、每人每天、每网络地址每天限量）/ Take today's ticket from home " +
                         "(ID-card or phone number required; one active per person and theme, daily limits per person and per address)");
        return routes;
    }

    private static async Task<Ok<RemoteHall>> Themes(string hallId, IGrainFactory grains, KnownHalls halls)
    {
        var hall = await RequestRules.HallConfig(grains, await halls.RequireAsync(hallId));
        var snapshot = await grains.GetGrain<IHallGrain>(hall.HallId).GetSnapshotAsync();
        var themes = hall.Themes.Select(theme =>
        {
            var line = snapshot.Themes.FirstOrDefault(l => l.ThemeCode == theme.Code);
            return new RemoteTheme(
                theme.Code, theme.Name, theme.NameEn, line?.Waiting ?? 0, line?.ProjectedWaitMinutes, line?.ProjectedWaitLow, line?.ProjectedWaitHigh,
                theme.Notice is not null);
        }).ToList();
        return TypedResults.Ok(new RemoteHall(hall.HallId, hall.Name, hall.NameEn, snapshot.At, LeaveHome.MaxTravelMinutes, themes));
    }

    private static async Task<Created<TicketSnapshot>> Take(
        string hallId, string themeCode, RemoteTicketRequest? request, HttpContext http, IGrainFactory grains, QueueKeys keys, KnownHalls halls, PublicLinks links)
    {
        await halls.RequireAsync(hallId);
        var code = RequestRules.ThemeCode(themeCode);
        var body = RequestRules.Body(request);
        var travel = body.TravelMinutes is { } minutes && minutes is >= 0 and <= LeaveHome.MaxTravelMinutes
            ? minutes
            : throw Refusals.InvalidNumber("travelMinutes", 0, LeaveHome.MaxTravelMinutes);
        var citizen = await CitizenData.KeyAsync(body.IdNumber, body.Phone, keys) ?? throw Refusals.RemoteIdentity();
        var requestId = RequestRules.OptionalText(body.RequestId, "requestId", 100);
        var contacts = await NotifyContacts.StoreAsync(grains, keys, RequestRules.HallId(hallId), code, body.NotifyPhone, body.NotifyConsent);
        // A retry finds its ticket only for the same citizen: the request id is scoped to the citizen's keyed hash, so
        // someone who learns another phone's request id gets a ticket of their own, never that one with its key.
        var command = new IssueTicket(
            IssueChannel.Remote, PriorityClass.Normal, requestId is null ? null : $"remote/{citizen}/{requestId}", citizen, CitizenData.MaskedName(body.Name), travel,
            TicketId: contacts.TicketId);
        var address = await keys.CitizenHashAsync("address:" + SecurityExtensions.Address(http));
        var ticket = await grains.GetGrain<IRemoteTicketsGrain>(hallId).TakeAsync(code, command, address);
        await contacts.IssuedAsync(ticket);
        var key = await keys.TicketKeyAsync(ticket.TicketId);
        return TypedResults.Created(
            $"/api/tickets/{ticket.TicketId}",
            ticket with { AccessKey = key, Link = links.Absolute(http.Request, PublicLinks.TicketPath(ticket.TicketId, key)) });
    }
}

/// <param name="TravelMinutes">the citizen's travel time to the hall, 0–240: "leave home by" is the predicted wait less this.</param>
/// <param name="NotifyPhone">a mobile number for notifications (叫号提醒 through the hall's webhooks), only with <paramref name="NotifyConsent"/> true; kept sealed for the day.</param>
public sealed record RemoteTicketRequest(
    int? TravelMinutes, string? IdNumber = null, string? Phone = null, string? Name = null, string? RequestId = null,
    string? NotifyPhone = null, bool? NotifyConsent = null);

public sealed record RemoteHall(string HallId, string Name, string NameEn, DateTimeOffset At, int MaxTravelMinutes, IReadOnlyList<RemoteTheme> Themes);

/// <param name="HasNotice">the theme has a 一次性告知 (GET …/themes/{code}/notice).</param>
public sealed record RemoteTheme(
    string ThemeCode, string Name, string NameEn, int Waiting, double? PredictedWaitMinutes, double? PredictedWaitLow, double? PredictedWaitHigh, bool HasNotice);

using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Api;

public static class TicketEndpoints
{
    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/halls/{hallId}/themes/{themeCode}/tickets", Issue).WithTags("Tickets")
            .AllowAnonymous().RequireRateLimiting(SecurityExtensions.IssueLimit).ProducesRateLimitRefusal()
            .ProducesBodyRefusals().ProducesRefusals(401, 403, 404, 409) // 401/403: a channel or priority the caller may not ask for
            .WithSummary("取号：手机（无需登录，限频）、取号机、工作人员（可取优先号）；返回号票链接密钥 accessKey / Take a ticket: " +
                         "by phone (no sign-in, rate-limited), kiosk or staff (priority too); the answer carries the link's accessKey");
        var tickets = routes.MapGroup("/api/tickets/{ticketId}").WithTags("Tickets")
            .RequireAuthorization(SecurityExtensions.TicketHolderPolicy).RequireRateLimiting(SecurityExtensions.TicketLimit)
            .ProducesAccessRefusals().ProducesRateLimitRefusal().ProducesRefusals(404);
        tickets.MapGet("/", Get).WithSummary("查询号票：状态、前面人数、预计等候 / A ticket with its position and predicted wait");
        tickets.MapPost("/cancel", (string ticketId, HttpContext http, IGrainFactory grains, QueueKeys keys) => Run(ticketId, http, grains, keys, t => t.CancelAsync()))
            .ProducesRefusals(409).WithSummary("取消 / Cancel a waiting ticket");
        tickets.MapPost("/rejoin", (string ticketId, HttpContext http, IGrainFactory grains, QueueKeys keys) => Run(ticketId, http, grains, keys, t => t.RejoinAsync()))
            .ProducesRefusals(409, 422).WithSummary("过号重排（一次）/ A no-show rejoins the line once, at a penalty place");
        tickets.MapPost("/resume", (string ticketId, HttpContext http, IGrainFactory grains, QueueKeys keys) => Run(ticketId, http, grains, keys, t => t.ResumeHoldAsync()))
            .ProducesRefusals(409).WithSummary("容缺补正后恢复办理 / Resume a ticket on hold, back to its window");
        routes.MapPost("/api/tickets/{ticketId}/rating", Rate).WithTags("Tickets")
            .RequireAuthorization(SecurityExtensions.TicketKeyPolicy).RequireRateLimiting(SecurityExtensions.TicketLimit)
            .ProducesAccessRefusals().ProducesRateLimitRefusal().ProducesBodyRefusals().ProducesRefusals(404, 409, 422)
            .WithSummary("好差评（1–5），仅凭号票链接：工作人员不能替办事人评价 / Rate the service, 1 to 5, with the ticket's key only: staff cannot rate their own service");
        return routes;
    }

    private static async Task<Created<TicketSnapshot>> Issue(
        string hallId, string themeCode, IssueTicketRequest? request, HttpContext http, IGrainFactory grains, QueueKeys keys, KnownHalls halls, PublicLinks links)
    {
        await halls.RequireAsync(hallId);
        var body = RequestRules.Body(request);
        var caller = http.Caller();
        var channel = RequestRules.Defined(body.Channel, DefaultChannel(caller), "channel");
        var priority = RequestRules.Defined(body.Priority, PriorityClass.Normal, "priority");
        MayIssue(caller, hallId, channel, priority);
        hallId = RequestRules.HallId(hallId);
        themeCode = RequestRules.ThemeCode(themeCode);
        var contacts = await NotifyContacts.StoreAsync(grains, keys, hallId, themeCode, body.NotifyPhone, body.NotifyConsent);
        var command = new IssueTicket(
            channel,
            priority,
            ScopedRequestId(caller, RequestRules.OptionalText(body.RequestId, "requestId", 100)),
            await CitizenData.KeyAsync(body.IdNumber, body.Phone, keys),
            CitizenData.MaskedName(body.Name),
            TicketId: contacts.TicketId);
        var ticket = await grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, themeCode)).IssueAsync(command);
        await contacts.IssuedAsync(ticket);
        return TypedResults.Created($"/api/tickets/{ticket.TicketId}", await WithLink(ticket, http, keys, links));
    }

    /// <summary>
    /// A retry finds its ticket only from the same caller: a request id is scoped to the kiosk or person that sent it
    /// (phones share one scope, their ids being random), so knowing someone's id does not hand over their ticket and key.
    /// </summary>
    private static string? ScopedRequestId(Caller caller, string? requestId) =>
        requestId is null ? null : caller.Kind == CallerKind.Anonymous ? "citizen/" + requestId : $"{caller.Kind}:{caller.Id}/{requestId}";

    private static IssueChannel DefaultChannel(Caller caller) => caller.Kind switch
    {
        CallerKind.Anonymous => IssueChannel.Mobile,
        CallerKind.Kiosk => IssueChannel.Kiosk,
        _ => IssueChannel.Staff,
    };

    /// <summary>
    /// A phone takes an ordinary ticket by the mobile channel; a kiosk an ordinary one at its hall; staff, the hall's
    /// manager and administrators any, priority included (绿色通道 and appointments are granted by a person).
    /// </summary>
    private static void MayIssue(Caller caller, string hallId, IssueChannel channel, PriorityClass priority)
    {
        var allowed = caller.Kind switch
        {
            CallerKind.Anonymous => channel == IssueChannel.Mobile && priority == PriorityClass.Normal,
            CallerKind.Kiosk => AccessRules.Allows(caller, Permission.Issue, hallId) && channel == IssueChannel.Kiosk && priority == PriorityClass.Normal,
            _ => AccessRules.Allows(caller, Permission.IssuePriority, hallId),
        };
        if (!allowed)
        {
            throw AccessRules.Refusal(caller);
        }
    }

    private static Task<Ok<TicketSnapshot>> Get(string ticketId, HttpContext http, IGrainFactory grains, QueueKeys keys) => Run(ticketId, http, grains, keys, t => t.GetAsync());

    private static Task<Ok<TicketSnapshot>> Rate(string ticketId, RateRequest? request, HttpContext http, IGrainFactory grains, QueueKeys keys)
    {
        var body = RequestRules.Body(request);
        var level = body.Level ?? throw Refusals.MissingLevel();
        var command = new RateService(level, RequestRules.OptionalText(body.Comment, "comment", 500));
        return Run(ticketId, http, grains, keys, t => t.RateAsync(command));
    }

    private static async Task<Ok<TicketSnapshot>> Run(
        string ticketId, HttpContext http, IGrainFactory grains, QueueKeys keys, Func<ITicketGrain, Task<TicketSnapshot>> action)
    {
        var ticket = await action(grains.GetGrain<ITicketGrain>(RequestRules.TicketId(ticketId)));
        return TypedResults.Ok(await WithLink(ticket, http, keys, http.RequestServices.GetRequiredService<PublicLinks>()));
    }

    /// <summary>The ticket with its key and its link (the kiosk's QR code), from the installation's public address.</summary>
    private static async Task<TicketSnapshot> WithLink(TicketSnapshot ticket, HttpContext http, QueueKeys keys, PublicLinks links)
    {
        var key = await keys.TicketKeyAsync(ticket.TicketId);
        return ticket with { AccessKey = key, Link = links.Absolute(http.Request, PublicLinks.TicketPath(ticket.TicketId, key)) };
    }
}

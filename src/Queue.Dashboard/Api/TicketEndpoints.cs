using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Dashboard.Api;

public static class TicketEndpoints
{
    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/halls/{hallId}/themes/{themeCode}/tickets", Issue).WithTags("Tickets")
            .WithSummary("取号 / Take a ticket (a repeated requestId returns the same ticket)");
        var tickets = routes.MapGroup("/api/tickets/{ticketId}").WithTags("Tickets");
        tickets.MapGet("/", Get).WithSummary("查询号票：状态、前面人数、预计等候 / A ticket with its position and predicted wait");
        tickets.MapPost("/cancel", (string ticketId, IGrainFactory grains) => Run(ticketId, grains, t => t.CancelAsync()))
            .WithSummary("取消 / Cancel a waiting ticket");
        tickets.MapPost("/rejoin", (string ticketId, IGrainFactory grains) => Run(ticketId, grains, t => t.RejoinAsync()))
            .WithSummary("过号重排（一次）/ A no-show rejoins the line once, at a penalty place");
        tickets.MapPost("/resume", (string ticketId, IGrainFactory grains) => Run(ticketId, grains, t => t.ResumeHoldAsync()))
            .WithSummary("容缺补正后恢复办理 / Resume a ticket on hold, back to its window");
        tickets.MapPost("/rating", Rate).WithSummary("好差评（1–5）/ Rate the service, 1 to 5");
        return routes;
    }

    private static async Task<Created<TicketSnapshot>> Issue(string hallId, string themeCode, IssueTicketRequest? request, IGrainFactory grains)
    {
        var body = RequestRules.Body(request);
        var command = new IssueTicket(
            RequestRules.Defined(body.Channel, IssueChannel.Kiosk, "channel"),
            RequestRules.Defined(body.Priority, PriorityClass.Normal, "priority"),
            RequestRules.OptionalText(body.RequestId, "requestId", 100));
        var theme = grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(RequestRules.HallId(hallId), RequestRules.ThemeCode(themeCode)));
        var ticket = await theme.IssueAsync(command);
        return TypedResults.Created($"/api/tickets/{ticket.TicketId}", ticket);
    }

    private static Task<Ok<TicketSnapshot>> Get(string ticketId, IGrainFactory grains) => Run(ticketId, grains, t => t.GetAsync());

    private static Task<Ok<TicketSnapshot>> Rate(string ticketId, RateRequest? request, IGrainFactory grains)
    {
        var body = RequestRules.Body(request);
        var level = body.Level ?? throw QueueRuleException.Invalid("missing-level", "缺少评价等级 level（1–5）", "level (1–5) is required");
        var command = new RateService(level, RequestRules.OptionalText(body.Comment, "comment", 500));
        return Run(ticketId, grains, t => t.RateAsync(command));
    }

    private static async Task<Ok<TicketSnapshot>> Run(string ticketId, IGrainFactory grains, Func<ITicketGrain, Task<TicketSnapshot>> action) =>
        TypedResults.Ok(await action(grains.GetGrain<ITicketGrain>(RequestRules.TicketId(ticketId))));
}

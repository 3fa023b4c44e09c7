using Microsoft.AspNetCore.Authorization;
using Queue.Contracts;

namespace Queue.Dashboard.Security;

/// <summary>
/// The citizen's own ticket: the request carries the ticket's key (<c>X-Ticket-Key</c>, or <c>k</c> from the link),
/// or the caller may operate the ticket's hall (staff at the window, the hall's manager, an administrator).
/// </summary>
public sealed class TicketHolderRequirement(bool keyOnly = false) : IAuthorizationRequirement
{
    public const string Header = "X-Ticket-Key";
    public const string Query = "k";

    /// <summary>Only the ticket's key will do (a rating: the citizen's word, not the staff's).</summary>
    public bool KeyOnly { get; } = keyOnly;
}

public sealed class TicketHolderHandler(QueueKeys keys) : AuthorizationHandler<TicketHolderRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TicketHolderRequirement requirement)
    {
        if (!requirement.KeyOnly && Caller.From(context.User).Kind == CallerKind.Administrator)
        {
            context.Succeed(requirement);
            return;
        }

        if (context.Resource is not HttpContext http || http.GetRouteValue("ticketId") is not string ticketId ||
            !GrainKeys.TryParseTicketId(ticketId, out var hallId, out _))
        {
            return;
        }

        var key = http.Request.Headers[TicketHolderRequirement.Header].ToString() is { Length: > 0 } header
            ? header
            : http.Request.Query[TicketHolderRequirement.Query].ToString();
        if ((!requirement.KeyOnly && AccessRules.Allows(Caller.From(context.User), Permission.Operate, hallId)) || await keys.IsTicketKeyAsync(ticketId, key))
        {
            context.Succeed(requirement);
        }
    }
}

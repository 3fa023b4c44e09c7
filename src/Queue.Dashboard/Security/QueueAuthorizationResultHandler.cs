using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;

namespace Queue.Dashboard.Security;

/// <summary>
/// A refusal by policy is ProblemDetails like every other error: 401 with no (valid) credential, 403 without the right.
/// A request that matched no endpoint passes on to its 404 (every protected thing here is an endpoint).
/// </summary>
public sealed class QueueAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        // No endpoint matched: nothing runs but the 404 (static files are served before routing and every protected
        // thing is an endpoint), which says more than a 401 would.
        if (context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }

        if (authorizeResult.Challenged && SignInPage.WantsPage(context.Request))
        {
            context.Response.Redirect(SignInPage.For(context.Request));
            return;
        }

        var caller = Caller.From(context.User);
        var refusal = context.GetRouteValue("ticketId") is string
            ? Refusals.TicketKey(signedIn: caller.Kind != CallerKind.Anonymous)
            : AccessRules.Refusal(caller);
        context.Response.StatusCode = ApiProblems.StatusOf(refusal.Kind);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ApiProblems.Create(context.Response.StatusCode, refusal),
        });
    }
}

using Microsoft.AspNetCore.Authorization;

namespace Queue.Dashboard.Security;

/// <summary>The caller holds <see cref="Permission"/> in the hall named by the route's <c>hallId</c>.</summary>
public sealed record HallAccessRequirement(Permission Permission) : IAuthorizationRequirement;

public sealed class HallAccessHandler : AuthorizationHandler<HallAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HallAccessRequirement requirement)
    {
        if (context.Resource is HttpContext http &&
            AccessRules.Allows(Caller.From(context.User), requirement.Permission, http.GetRouteValue("hallId") as string))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

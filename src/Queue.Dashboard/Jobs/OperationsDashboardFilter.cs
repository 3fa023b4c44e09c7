using Hangfire.Dashboard;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Jobs;

/// <summary>
/// The Hangfire dashboard spans every hall's jobs: managers and administrators only. A browser that is not signed in
/// is sent to the sign-in page and back.
/// </summary>
public sealed class OperationsDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var caller = Caller.From(http.User);
        if (AccessRules.MayOperateInstallation(caller))
        {
            return true;
        }

        if (caller.Kind == CallerKind.Anonymous && SignInPage.WantsPage(http.Request))
        {
            http.Response.Redirect(SignInPage.For(http.Request));
        }

        return false;
    }
}

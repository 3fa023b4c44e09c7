using Hangfire.Dashboard;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Jobs;

/// <summary>
/// The Hangfire dashboard spans every hall's jobs: managers and administrators only. The endpoint's policy refuses
/// (or sends a browser to sign in) before this filter runs; the filter is the dashboard's own second check.
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

        return false;
    }
}

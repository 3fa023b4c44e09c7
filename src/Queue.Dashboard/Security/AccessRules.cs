using Queue.Contracts.Model;

namespace Queue.Dashboard.Security;

/// <summary>
/// The one table of who may do what. Devices, staff and managers act in their own hall only; an administrator in
/// every hall. Every endpoint's policy and every hub method asks this table, and the role × endpoint matrix test
/// checks it from the outside.
/// </summary>
public static class AccessRules
{
    private static readonly Dictionary<Permission, CallerKind[]> Holders = new()
    {
        [Permission.Display] = [CallerKind.Kiosk, CallerKind.Board, CallerKind.Staff, CallerKind.Manager, CallerKind.Administrator],
        [Permission.Issue] = [CallerKind.Kiosk, CallerKind.Staff, CallerKind.Manager, CallerKind.Administrator],
        [Permission.IssuePriority] = [CallerKind.Staff, CallerKind.Manager, CallerKind.Administrator],
        [Permission.Operate] = [CallerKind.Staff, CallerKind.Manager, CallerKind.Administrator],
        [Permission.Manage] = [CallerKind.Manager, CallerKind.Administrator],
        [Permission.Configure] = [CallerKind.Manager, CallerKind.Administrator],
        [Permission.Administer] = [CallerKind.Administrator],
    };

    /// <summary>Whether the caller holds the permission in the hall (for <see cref="Permission.Administer"/> the hall is ignored).</summary>
    public static bool Allows(Caller caller, Permission permission, string? hallId) =>
        Holders[permission].Contains(caller.Kind) &&
        (caller.Kind == CallerKind.Administrator || (hallId is not null && string.Equals(caller.HallId, hallId, StringComparison.Ordinal)));

    /// <summary>Managers and administrators: the operations dashboards (Hangfire, Orleans), which span every hall.</summary>
    public static bool MayOperateInstallation(Caller caller) => caller.Kind is CallerKind.Manager or CallerKind.Administrator;

    /// <summary>401 for nobody in particular, 403 for a caller without the permission.</summary>
    public static void Require(Caller caller, Permission permission, string? hallId)
    {
        if (!Allows(caller, permission, hallId))
        {
            throw Refusal(caller);
        }
    }

    public static QueueRuleException Refusal(Caller caller) =>
        caller.Kind == CallerKind.Anonymous ? Refusals.Unauthorized() : Refusals.Forbidden();
}

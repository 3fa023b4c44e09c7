using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// Whom a window calls next. A pure function of the candidates its themes offer, the clock, the window's
/// run of priority calls and the hall's policy:
/// <list type="number">
/// <item>a ticket transferred to this very window comes first (it has already waited and only this window can serve it);</item>
/// <item>priority tickets (绿色通道 before appointments) come next, but at most
/// <see cref="RoutingPolicy.MaxConsecutivePriorityCalls"/> in a row while normal tickets wait;</item>
/// <item>urgency = waited ÷ the theme's target: a normal ticket past <see cref="RoutingPolicy.CriticalUrgency"/> of its
/// target overtakes a less urgent priority ticket and the window's theme preference;</item>
/// <item>otherwise the window's profile order, then urgency, then waiting time.</item>
/// </list>
/// No ticket starves: urgency grows without bound, priority runs are bounded, and critical tickets are ranked by urgency alone.
/// </summary>
public static class Routing
{
    public static double Urgency(QueueCandidate candidate, DateTimeOffset now) =>
        Math.Max(0, (now - candidate.WaitingSince).TotalMinutes) / Math.Max(1, candidate.TargetMinutes);

    public static bool IsPriority(PriorityClass priority) => priority != PriorityClass.Normal;

    public static QueueCandidate? Choose(
        IReadOnlyList<QueueCandidate> candidates,
        IReadOnlyList<string> profileOrder,
        int consecutivePriorityCalls,
        RoutingPolicy policy,
        DateTimeOffset now)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        var directed = candidates.Where(c => c.DirectedToWindow)
            .OrderByDescending(c => Urgency(c, now)).ThenBy(c => c.WaitingSince).FirstOrDefault();
        if (directed is not null)
        {
            return directed;
        }

        var normal = candidates.Where(c => !IsPriority(c.Priority))
            .OrderBy(c => IsCritical(c, policy, now) ? 0 : 1)
            .ThenBy(c => IsCritical(c, policy, now) ? 0 : Rank(profileOrder, c.ThemeCode))
            .ThenByDescending(c => Urgency(c, now))
            .ThenBy(c => c.WaitingSince)
            .FirstOrDefault();
        var priority = candidates.Where(c => IsPriority(c.Priority))
            .OrderByDescending(c => c.Priority)
            .ThenByDescending(c => Urgency(c, now))
            .ThenBy(c => c.WaitingSince)
            .FirstOrDefault();

        if (priority is null)
        {
            return normal;
        }

        if (normal is null)
        {
            return priority;
        }

        if (consecutivePriorityCalls >= policy.MaxConsecutivePriorityCalls)
        {
            return normal;
        }

        return IsCritical(normal, policy, now) && Urgency(normal, now) > Urgency(priority, now) ? normal : priority;
    }

    private static bool IsCritical(QueueCandidate candidate, RoutingPolicy policy, DateTimeOffset now) =>
        Urgency(candidate, now) >= policy.CriticalUrgency;

    private static int Rank(IReadOnlyList<string> profileOrder, string themeCode)
    {
        for (var i = 0; i < profileOrder.Count; i++)
        {
            if (profileOrder[i] == themeCode)
            {
                return i;
            }
        }

        return profileOrder.Count;
    }
}

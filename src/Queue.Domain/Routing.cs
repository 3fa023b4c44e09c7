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

        // The first candidate (in the order given) with the smallest key of each group, as a stable sort's first would be: one
        // pass, no LINQ (a window's every call runs this, and every simulated call of every forecast replication too).
        QueueCandidate? directed = null, normal = null, priority = null;
        (double Urgency, DateTimeOffset Since) directedKey = default;
        (int Critical, int Rank, double Urgency, DateTimeOffset Since) normalKey = default;
        (int Class, double Urgency, DateTimeOffset Since) priorityKey = default; // the class negated: 绿色通道 first
        foreach (var c in candidates)
        {
            var urgency = Urgency(c, now);
            if (c.DirectedToWindow)
            {
                var key = (-urgency, c.WaitingSince);
                if (directed is null || key.CompareTo(directedKey) < 0)
                {
                    (directed, directedKey) = (c, key);
                }
            }
            else if (!IsPriority(c.Priority))
            {
                var critical = urgency >= policy.CriticalUrgency;
                var key = (critical ? 0 : 1, critical ? 0 : Rank(profileOrder, c.ThemeCode), -urgency, c.WaitingSince);
                if (normal is null || key.CompareTo(normalKey) < 0)
                {
                    (normal, normalKey) = (c, key);
                }
            }
            else
            {
                var key = (-(int)c.Priority, -urgency, c.WaitingSince);
                if (priority is null || key.CompareTo(priorityKey) < 0)
                {
                    (priority, priorityKey) = (c, key);
                }
            }
        }

        if (directed is not null)
        {
            return directed;
        }

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

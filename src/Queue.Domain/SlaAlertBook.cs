using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>The SLA alerts in force and the guardian's moves on them: what a fresh evaluation opens, changes and resolves.</summary>
public static class SlaAlertBook
{
    /// <summary>
    /// Brings <paramref name="inForce"/> up to <paramref name="evaluated"/>: a new alert, or one whose severity or advice
    /// changed, is kept (since when it first held) with an <see cref="HallEventKind.SlaAlert"/>; an alert no longer
    /// evaluated is removed with an <see cref="HallEventKind.SlaResolved"/>. Returns those events, in that order. An alert
    /// that holds unchanged in severity and advice takes the fresh figures (predicted wait, longest wait, message) without an
    /// event, so that the list read back (GET /alerts) shows what the board shows now; the live pages' copy changes at the
    /// next event (one per change of severity or advice keeps the journal small).
    /// </summary>
    public static IReadOnlyList<HallEvent> Update(IDictionary<string, SlaAlert> inForce, IReadOnlyList<SlaAlert> evaluated, string hallId, DateTimeOffset now)
    {
        var events = new List<HallEvent>();
        var current = evaluated.ToDictionary(a => a.ThemeCode);
        foreach (var (theme, alert) in current)
        {
            var known = inForce.TryGetValue(theme, out var found) ? found : null;
            if (known is null || known.Severity != alert.Severity || known.SuggestedWindowNo != alert.SuggestedWindowNo)
            {
                var kept = alert with { Since = known?.Since ?? now };
                inForce[theme] = kept;
                events.Add(new HallEvent(hallId, 0, now, HallEventKind.SlaAlert, ThemeCode: theme, WindowNo: alert.SuggestedWindowNo,
                    WaitSeconds: alert.ProjectedWaitMinutes * 60, Reason: alert.MessageZh, Alert: kept));
            }
            else
            {
                inForce[theme] = alert with { Since = known.Since };
            }
        }

        foreach (var resolved in inForce.Keys.Where(t => !current.ContainsKey(t)).ToList())
        {
            inForce.Remove(resolved);
            events.Add(new HallEvent(hallId, 0, now, HallEventKind.SlaResolved, ThemeCode: resolved));
        }

        return events;
    }
}

using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// Applying the SLA guardian's advice "把7号窗口从QYKB调到BDC": the suggested window takes the troubled theme first and
/// keeps its own themes after it, so it returns to them as soon as the troubled line is empty (it never strands its
/// donor line). The window takes the new profile through <see cref="WindowDesk.SetProfile"/>, as staff would.
/// </summary>
public static class SlaMoves
{
    /// <summary>The moves an evaluation advises: window → the theme it should take first.</summary>
    public static IEnumerable<(int WindowNo, string ThemeCode)> Advised(IEnumerable<SlaAlert> alerts) =>
        alerts.Where(a => a.SuggestedWindowNo is not null).Select(a => (a.SuggestedWindowNo!.Value, a.ThemeCode));

    /// <summary>The profile a window takes to help <paramref name="themeCode"/>: that theme first, then the themes it served.</summary>
    public static WindowProfile ProfileFor(WindowProfile live, string themeCode, IEnumerable<string> hallThemes) =>
        new(WindowProfileKind.Ordered, [themeCode, .. live.Resolve(hallThemes).Where(t => t != themeCode)]);
}

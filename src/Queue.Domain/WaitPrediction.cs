using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// The one wait estimate: every predicted wait (kiosk, slip, phone, board, big screen, the SLA guardian) comes from here.
/// <para>A theme's serving capacity, in windows, is the sum over the open windows that serve it of the share each gives it,
/// following what <see cref="Routing"/> does:</para>
/// <list type="bullet">
/// <item>a window serving one theme (专窗) gives it all of itself;</item>
/// <item>a comprehensive window calls the most urgent ticket of all its themes, so it gives each theme a share in proportion
/// to that theme's work (people waiting × mean service time): share = own ÷ (own + the others' work), where an empty line
/// counts as one newcomer's work (a newcomer would be served too, so a served theme never has zero capacity);</item>
/// <item>an ordered window calls its themes in order: it gives all of itself to the first theme in its order that has
/// people waiting, and to every theme before it (a newcomer there would be called first); a theme after it gets the
/// proportional share, as on a comprehensive window (its late tickets overtake by the critical-urgency rule).</item>
/// </list>
/// <para>A ticket with k people ahead waits k × mean service time ÷ capacity; a line no open window serves has capacity 0
/// and no predicted wait (null). Loads may be a few seconds old for the other themes; that changes shares, not servedness.</para>
/// </summary>
public static class WaitPrediction
{
    /// <summary>The predicted wait of a ticket with <paramref name="peopleAhead"/> ahead; null when no open window serves its line.</summary>
    public static double? Minutes(int peopleAhead, double averageServiceMinutes, double capacity) =>
        capacity <= 0 ? null : Math.Round(Math.Max(0, peopleAhead) * averageServiceMinutes / capacity, 1);

    /// <summary>Each theme's serving capacity (window-equivalents) given the windows and every theme's load, in the hall's order.</summary>
    public static IReadOnlyDictionary<string, double> Capacity(IEnumerable<WindowSnapshot> windows, IReadOnlyList<ThemeLoad> themes)
    {
        var capacity = themes.ToDictionary(t => t.ThemeCode, _ => 0.0);
        foreach (var window in windows.Where(w => w.IsOpen))
        {
            foreach (var theme in Served(window, themes))
            {
                capacity[theme] += Share(window, theme, themes);
            }
        }

        return capacity;
    }

    /// <summary>The share of itself (0..1) an open window gives a theme; 0 when it is closed or does not serve it.</summary>
    public static double Share(WindowSnapshot window, string theme, IReadOnlyList<ThemeLoad> themes)
    {
        var served = Served(window, themes);
        var index = served.IndexOf(theme);
        if (!window.IsOpen || index < 0)
        {
            return 0;
        }

        if (served.Count == 1)
        {
            return 1;
        }

        var load = themes.ToDictionary(t => t.ThemeCode);
        if (window.Profile.Kind == WindowProfileKind.Ordered)
        {
            var firstBusy = served.FindIndex(t => load[t].Work > 0);
            if (firstBusy < 0 || index <= firstBusy)
            {
                return 1;
            }
        }

        var own = Math.Max(load[theme].Work, Math.Max(load[theme].AverageServiceMinutes, 0.1));
        var others = served.Where(t => t != theme).Sum(t => load[t].Work);
        return own / (own + others);
    }

    /// <summary>The loads the SLA guardian reads off the theme snapshots.</summary>
    public static IReadOnlyList<ThemeLoad> Loads(IEnumerable<ThemeQueueSnapshot> themes) =>
        [.. themes.Select(t => new ThemeLoad(t.ThemeCode, t.Waiting, t.AverageServiceMinutes))];

    private static List<string> Served(WindowSnapshot window, IReadOnlyList<ThemeLoad> themes)
    {
        var codes = themes.Select(t => t.ThemeCode).ToList();
        return [.. window.Profile.Resolve(codes).Where(codes.Contains).Distinct()];
    }
}

using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// The one wait estimate: every predicted wait (kiosk, slip, phone, board, big screen) comes from <see cref="Predict"/>.
/// <para>The estimate is a range from the forward simulation (<c>Queue.Simulation.ForwardPrediction</c>, run by the hall
/// every few seconds from the live state: each line's waiting tickets, each window's state and profile, the applied tidal
/// plan and the forecast arrivals): the 10th–90th percentile of the simulated waits for the ticket's place in the line,
/// rounded outwards (<see cref="Round"/>). A ticket further back than the forecast saw (the line grew since) gets the last
/// simulated place plus the closed form's time per person.</para>
/// <para>FALLBACK (closed form, only when no fresh forecast exists: before the first simulation, outside opening hours, or
/// when it failed): a theme's serving capacity, in windows, is the sum over the open windows that serve it of the share
/// each gives it, following what <see cref="Routing"/> does:</para>
/// <list type="bullet">
/// <item>a window serving one theme (专窗) gives it all of itself;</item>
/// <item>a comprehensive window calls the most urgent ticket of all its themes, so it gives each theme a share in proportion
/// to that theme's work (people waiting × mean service time): share = own ÷ (own + the others' work), where an empty line
/// counts as one newcomer's work (a newcomer would be served too, so a served theme never has zero capacity);</item>
/// <item>an ordered window calls its themes in order: it gives all of itself to the first theme in its order that has
/// people waiting, and to every theme before it (a newcomer there would be called first); a theme after it gets the
/// proportional share, as on a comprehensive window (its late tickets overtake by the critical-urgency rule).</item>
/// </list>
/// <para>A ticket with k people ahead waits k × mean service time ÷ capacity (a single figure: low = high). Whatever the
/// source, a line no open window serves has capacity 0 and no predicted wait (null: "暂无窗口受理"). Loads may be a few
/// seconds old for the other themes; that changes shares, not servedness.</para>
/// <para>The SLA guardian reads the same estimate: a newcomer's predicted wait off the theme's snapshot (<see cref="Newcomer"/>),
/// the head of the line's remaining wait (<see cref="HeadRemaining"/>, same freshness rule), and it weighs a candidate move
/// by scaling the donor's predicted wait by its capacity before and after losing the window's <see cref="Share"/> (a
/// what-if per candidate window that a simulation per candidate would make too slow; with the closed form it is exact).</para>
/// </summary>
public static class WaitPrediction
{
    /// <summary>A forecast older than this is not used (the hall refreshes it every few seconds).</summary>
    public static readonly TimeSpan ForecastFreshFor = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The predicted wait of a ticket with <paramref name="peopleAhead"/> ahead in its line: from the theme's forward
    /// forecast when a fresh one is given, else the closed form (the fallback); null when no open window serves the line.
    /// </summary>
    public static WaitRange? Predict(int peopleAhead, double averageServiceMinutes, double capacity, ThemeWaitForecast? forecast, DateTimeOffset now)
    {
        if (capacity <= 0)
        {
            return null;
        }

        var k = Math.Max(0, peopleAhead);
        if (IsFresh(forecast, now) && forecast is { } f)
        {
            var last = f.Median.Length - 1;
            var extra = k > last ? (k - last) * averageServiceMinutes / capacity : 0;
            var at = Math.Min(k, last);
            var (low, high) = Round(f.Low[at] + extra, f.High[at] + extra);
            return new WaitRange(Math.Round(f.Median[at] + extra, 1), low, high, Simulated: true);
        }

        var point = Minutes(k, averageServiceMinutes, capacity)!.Value;
        return new WaitRange(point, point, point, Simulated: false);
    }

    /// <summary>Whether a forecast is used at <paramref name="now"/>: it has places and is at most <see cref="ForecastFreshFor"/> old (the one freshness rule).</summary>
    public static bool IsFresh(ThemeWaitForecast? forecast, DateTimeOffset now) =>
        forecast is { Median.Length: > 0 } f && now - f.At < ForecastFreshFor && now >= f.At.AddSeconds(-5);

    /// <summary>
    /// A newcomer's predicted wait as the theme's snapshot carries it (made by <see cref="Predict"/> when the line was read:
    /// the forecast's when fresh, else the closed form); null when no open window serves the line. The SLA guardian reads it
    /// here rather than computing a second estimate.
    /// </summary>
    public static WaitRange? Newcomer(ThemeQueueSnapshot theme) =>
        theme.ProjectedWaitMinutes is { } point
            ? new WaitRange(point, theme.ProjectedWaitLow ?? point, theme.ProjectedWaitHigh ?? point, theme.ProjectedWaitHigh > theme.ProjectedWaitLow)
            : null;

    /// <summary>
    /// How long the head of a line still waits to be called: the forecast's median for place 0 when fresh, else the closed
    /// form's half a turn (one person's service over the capacity, halved: on average a window frees up half-way); infinite
    /// when no open window serves the line. The SLA guardian adds it to the longest wait.
    /// </summary>
    public static double HeadRemaining(ThemeQueueSnapshot theme, ThemeWaitForecast? forecast, DateTimeOffset now)
    {
        if (theme.ProjectedWaitMinutes is null || theme.ServingWindows <= 0)
        {
            return double.PositiveInfinity;
        }

        return IsFresh(forecast, now) ? forecast!.Median[0] : Minutes(1, theme.AverageServiceMinutes, theme.ServingWindows)!.Value / 2;
    }

    /// <summary>
    /// A simulated range as people read it: outwards to whole minutes up to 10, to 5 minutes up to an hour, to 10 beyond;
    /// never narrower than one such step.
    /// </summary>
    public static (double Low, double High) Round(double low, double high)
    {
        low = Math.Max(0, low);
        high = Math.Max(low, high);
        var step = high <= 10 ? 1 : high <= 60 ? 5 : 10;
        var (l, h) = (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step);
        return (l, h > l ? h : l + step);
    }

    /// <summary>The closed form (the fallback): the wait of a ticket with <paramref name="peopleAhead"/> ahead; null when no open window serves its line.</summary>
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

/// <summary>
/// A predicted wait in minutes: the central figure (<see cref="Point"/>: the simulated median, or the closed form) and the
/// range shown (<see cref="Low"/>–<see cref="High"/>); <see cref="Simulated"/> false marks the closed-form fallback (low = high).
/// </summary>
public readonly record struct WaitRange(double Point, double Low, double High, bool Simulated);

using System.Collections.Immutable;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain.Analytics;

/// <summary>
/// A tidal plan a manager drew (the what-if's edited grid) in place of the computed one: each tidal window's theme per
/// interval, standby where no cell is given. The day's requirement stays the computed advice's; what is scheduled, the
/// shortfall and the switches are counted for the drawn plan as <see cref="TidalPlanner"/> counts them. Applied and
/// followed as any advice (<see cref="TidalFollowing"/>).
/// </summary>
public static class TidalCustomPlan
{
    public static TidalAdvice Replace(HallConfig hall, TidalAdvice computed, IEnumerable<TidalPlanCell> cells, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(computed);
        ArgumentNullException.ThrowIfNull(cells);
        // The half hours the computed advice plans: the day's open ones by the hall calendar (a lunch break or a closed day has no cell to draw).
        var intervals = computed.Intervals.IsDefault ? [] : computed.Intervals.ToList();
        var tidal = hall.Windows.Where(w => w.Tidal).ToList();
        var themes = tidal.ToDictionary(w => w.WindowNo, _ => new string?[intervals.Count]);
        foreach (var cell in cells)
        {
            var window = hall.Windows.FirstOrDefault(w => w.WindowNo == cell.WindowNo) ?? throw Refusals.WindowNotFound(hall.HallId, cell.WindowNo);
            if (!window.Tidal)
            {
                throw Refusals.TidalPlanNotTidal(cell.WindowNo);
            }

            var index = intervals.IndexOf(cell.Interval);
            if (index < 0 || hall.FindTheme(cell.Theme) is null || !window.Profile.Serves(cell.Theme))
            {
                throw Refusals.TidalPlanCell(cell.WindowNo, cell.Interval, cell.Theme ?? "");
            }

            themes[cell.WindowNo][index] = cell.Theme;
        }

        var windows = tidal.Select(w => new TidalWindow(w.WindowNo, [.. themes[w.WindowNo]], Switches(themes[w.WindowNo]))).ToImmutableArray();
        int Planned(string theme, int interval)
        {
            var k = computed.Intervals.IndexOf(interval);
            return k < 0 ? 0 : computed.Windows.Count(w => k < w.Themes.Length && w.Themes[k] == theme);
        }

        int Drawn(string theme, int interval)
        {
            var k = intervals.IndexOf(interval);
            return k < 0 ? 0 : windows.Count(w => w.Themes[k] == theme);
        }

        var coverage = computed.Coverage
            .Select(c => c with { Scheduled = c.Scheduled - Planned(c.Theme, c.Interval) + Drawn(c.Theme, c.Interval) })
            .ToImmutableArray();
        return computed with
        {
            Intervals = [.. intervals],
            Coverage = coverage,
            Windows = windows,
            Shortfall = coverage.Sum(c => Math.Max(0, c.Required - c.Scheduled)),
            Switches = windows.Sum(w => w.Switches),
            ComputedAt = now,
            AppliedAt = null,
        };
    }

    /// <summary>Taking up a theme other than the last one served, as <see cref="TidalPlanner"/> counts a switch.</summary>
    private static int Switches(IEnumerable<string?> themes)
    {
        string? last = null;
        var switches = 0;
        foreach (var theme in themes.OfType<string>())
        {
            switches += last is not null && last != theme ? 1 : 0;
            last = theme;
        }

        return switches;
    }
}

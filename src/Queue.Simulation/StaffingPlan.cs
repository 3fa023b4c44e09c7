using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// Who staffs which window when: per window and 30-minute interval, the profile it opens with, or closed. Without an
/// entry a window is open while its zone is open on the scenario's date (<see cref="HallDayScenario.ZoneOpen"/>: the hall
/// calendar's periods, or Opens–Closes) with its configured profile. A profile given here replaces the configured one for that interval.
/// </summary>
public sealed class StaffingPlan
{
    private readonly Dictionary<(int WindowNo, int Interval), WindowProfile?> _entries = [];

    /// <summary>The hall's own staffing: every window open all day with its configured profile.</summary>
    public static StaffingPlan HallHours { get; } = new();

    /// <summary>Opens <paramref name="windowNo"/> with <paramref name="profile"/> in the given intervals.</summary>
    public StaffingPlan Open(int windowNo, WindowProfile profile, params int[] intervals)
    {
        foreach (var interval in intervals)
        {
            _entries[(windowNo, interval)] = profile;
        }

        return this;
    }

    /// <summary>Closes <paramref name="windowNo"/> in the given intervals (staff sign out once the current citizen is done).</summary>
    public StaffingPlan Close(int windowNo, params int[] intervals)
    {
        foreach (var interval in intervals)
        {
            _entries[(windowNo, interval)] = null;
        }

        return this;
    }

    /// <summary>
    /// A break rota (e.g. lunch): the windows take turns, window k of <paramref name="windowNos"/> closed for
    /// <paramref name="length"/> intervals from interval <paramref name="first"/> + k × <paramref name="length"/> mod
    /// <paramref name="slots"/>, so about 1 in (<paramref name="slots"/> ÷ <paramref name="length"/>) windows is away at a time.
    /// </summary>
    public StaffingPlan BreakRota(IReadOnlyList<int> windowNos, int first, int slots, int length = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        for (var k = 0; k < windowNos.Count; k++)
        {
            var start = first + ((k * length) % slots);
            Close(windowNos[k], [.. Enumerable.Range(start, length).Where(i => i < AnalyticsInterval.PerDay)]);
        }

        return this;
    }

    /// <summary>
    /// The staffing of a tidal plan: in each planned interval each tidal window has the profile the tidal follower gives it
    /// (<see cref="Queue.Domain.Analytics.TidalAdvisor.ProfileFor"/>: the planned theme first, its usual themes after).
    /// </summary>
    public static StaffingPlan FromTidal(HallConfig hall, TidalAdvice advice)
    {
        var plan = new StaffingPlan();
        foreach (var window in hall.Windows.Where(w => w.Tidal))
        {
            foreach (var interval in advice.Intervals)
            {
                plan.Open(window.WindowNo, Queue.Domain.Analytics.TidalAdvisor.ProfileFor(window, advice.ThemeOf(window.WindowNo, interval), hall.ThemeCodes), interval);
            }
        }

        return plan;
    }

    /// <summary>The entries given (window, interval → profile, or null for closed).</summary>
    public IReadOnlyDictionary<(int WindowNo, int Interval), WindowProfile?> Entries => _entries;

    /// <summary>Whether the window is staffed in an interval, and with which profile (null: its configured one).</summary>
    public (bool Open, WindowProfile? Profile) At(HallDayScenario scenario, int windowNo, int interval)
    {
        if (_entries.TryGetValue((windowNo, interval), out var profile))
        {
            return (profile is not null, profile);
        }

        return (scenario.Hall.FindWindow(windowNo) is { } window && scenario.ZoneOpen(window.ZoneId, interval), null);
    }
}

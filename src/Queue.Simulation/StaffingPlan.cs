using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// Who staffs which window when: per window and 30-minute interval, the profile it opens with, or closed. Without an
/// entry a window is open during the hall's hours (<see cref="HallConfig.Opens"/>–<see cref="HallConfig.Closes"/>)
/// with its configured profile. A profile given here replaces the configured one for that interval.
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

    /// <summary>Whether the window is staffed in an interval, and with which profile (null: its configured one).</summary>
    public (bool Open, WindowProfile? Profile) At(HallConfig hall, int windowNo, int interval)
    {
        if (_entries.TryGetValue((windowNo, interval), out var profile))
        {
            return (profile is not null, profile);
        }

        var start = AnalyticsInterval.Start(interval);
        return (start >= hall.Opens && start < hall.Closes, null);
    }
}

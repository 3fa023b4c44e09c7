using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain.Analytics;

namespace Queue.Domain;

/// <summary>
/// Follows an applied tidal plan the way a floor manager would: at each 30-minute interval a tidal window is switched to
/// its planned profile once (<see cref="TidalFollowing.Switch"/>); after that, until the next interval, whatever people or
/// the SLA guardian set on the window stands. Without this memory the follower's timer undid a move made for an SLA alert
/// within 30 seconds. A switch that failed is retried at the next tick because only a confirmed one is remembered
/// (<see cref="Switched"/>). Memory only: after a restart the plan is enforced once more for the current interval.
/// </summary>
public sealed class TidalFollower
{
    private readonly Dictionary<int, (DateOnly Day, int Interval)> _followed = [];

    /// <summary>The profile <paramref name="window"/> must switch to now; null when it was already followed in this interval or already is it.</summary>
    public WindowProfile? Next(HallConfig hall, TidalAdvice advice, WindowConfig window, WindowProfile live, DateTimeOffset now)
    {
        if (_followed.GetValueOrDefault(window.WindowNo) == Key(hall, now))
        {
            return null;
        }

        var wanted = TidalFollowing.Switch(hall, advice, window, live, now);
        if (wanted is null)
        {
            Switched(hall, window.WindowNo, now);
        }

        return wanted;
    }

    /// <summary>Remembers that <paramref name="windowNo"/> took its planned profile in the current interval.</summary>
    public void Switched(HallConfig hall, int windowNo, DateTimeOffset now) => _followed[windowNo] = Key(hall, now);

    /// <summary>Forgets what was followed, so that a newly applied or undone plan is enforced at once.</summary>
    public void Reset() => _followed.Clear();

    private static (DateOnly Day, int Interval) Key(HallConfig hall, DateTimeOffset now) =>
        (BusinessClock.Day(now, hall.TimeZone), AnalyticsInterval.Of(BusinessClock.LocalTime(now, hall.TimeZone)));
}

using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain.Analytics;

namespace Queue.Domain;

/// <summary>
/// How an applied tidal plan switches the hall's tidal windows over the day (潮汐窗口): in each 30-minute interval a
/// tidal window takes its planned theme first, its usual themes after (<see cref="TidalAdvisor.ProfileFor"/>). The tidal
/// plan grain follows it on a timer; the hall-day simulator follows it at each interval boundary.
/// </summary>
public static class TidalFollowing
{
    /// <summary>The advice that applies now: the one for today's business day, once applied; else null.</summary>
    public static TidalAdvice? Today(IReadOnlyDictionary<DateOnly, TidalAdvice> advice, HallConfig hall, DateTimeOffset now) =>
        advice.GetValueOrDefault(BusinessClock.Day(now, hall.TimeZone)) is { AppliedAt: not null } applied ? applied : null;

    /// <summary>The profile <paramref name="window"/> must switch to now under <paramref name="advice"/>; null when its live profile already is it.</summary>
    public static WindowProfile? Switch(HallConfig hall, TidalAdvice advice, WindowConfig window, WindowProfile live, DateTimeOffset now)
    {
        var interval = AnalyticsInterval.Of(BusinessClock.LocalTime(now, hall.TimeZone));
        var wanted = TidalAdvisor.ProfileFor(window, advice.ThemeOf(window.WindowNo, interval), hall.ThemeCodes);
        return live.Kind == wanted.Kind && live.Themes.SequenceEqual(wanted.Themes) ? null : wanted;
    }
}

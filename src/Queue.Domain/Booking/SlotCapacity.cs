using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain.Analytics;

namespace Queue.Domain.Booking;

/// <summary>
/// How many bookings a slot takes. A theme's fixed capacity (<see cref="BookingThemeConfig.Capacity"/>) wins; otherwise
/// the smaller of two bounds:
/// <list type="number">
/// <item>the share: the manager's share of what the windows serving the theme can serve in the slot at the staffing
/// occupancy cap (windows × slot minutes × cap ÷ service minutes);</item>
/// <item>the target: the most bookings n such that the expected walk-ins plus n, arriving over the slot, still need no more
/// windows than serve the theme, by the same Erlang C rule the staffing requirement and tidal advice use
/// (<see cref="ErlangC.MinimumWindows"/> at the theme's wait target, <see cref="StaffingOptions"/>).</item>
/// </list>
/// The demand comes from the day's tidal advice (the forecast walk-ins, handle time and windows scheduled per 30-minute
/// interval, plus the shares of the comprehensive windows the advice leaves floating) when there is one for the slot's intervals; otherwise no walk-ins are expected, the handle time is the theme's
/// expected minutes and the windows are those configured for the theme, a window serving k themes counting 1/k for each.
/// </summary>
public static class SlotCapacity
{
    public static int For(HallConfig hall, ThemeConfig theme, SlotSpan slot, TidalAdvice? advice, StaffingOptions? staffing = null)
    {
        var settings = hall.BookingSettingsOrDefault().For(theme.Code);
        if (!hall.BookingSettingsOrDefault().Enabled || !settings.Bookable)
        {
            return 0;
        }

        if (settings.Capacity is { } fixedCapacity)
        {
            return fixedCapacity;
        }

        var demand = Demand(hall, theme, slot, advice);
        return Capacity(demand, (slot.End - slot.Start).TotalMinutes, theme.TargetMinutes, hall.BookingSettingsOrDefault().ShareOf(theme.Code), staffing);
    }

    /// <summary>The rule on given demand: the smaller of the share bound and the target bound (see the class).</summary>
    public static int Capacity(SlotDemand demand, double slotMinutes, int targetMinutes, double share, StaffingOptions? staffing = null)
    {
        staffing ??= StaffingOptions.Default;
        if (demand.Windows <= 0 || demand.HandleMinutes <= 0 || slotMinutes <= 0)
        {
            return 0;
        }

        var windows = Math.Max(1, (int)Math.Round(demand.Windows));
        var servable = (int)Math.Floor(demand.Windows * slotMinutes * staffing.OccupancyCap / demand.HandleMinutes);
        var limit = (int)Math.Floor(share * servable);
        bool Fits(int n) =>
            ErlangC.MinimumWindows((demand.WalkIns + n) / slotMinutes, demand.HandleMinutes, targetMinutes, staffing.ServiceLevel, staffing.OccupancyCap) <= windows;
        if (limit <= 0 || !Fits(0))
        {
            return 0;
        }

        // The windows needed grow with the bookings, so the most that fit is found by bisection on [0, limit].
        var (low, high) = (0, limit);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = Fits(middle) ? (middle, high) : (low, middle - 1);
        }

        return low;
    }

    /// <summary>The expected walk-ins in the slot, the handle time and the windows serving the theme then.</summary>
    public static SlotDemand Demand(HallConfig hall, ThemeConfig theme, SlotSpan slot, TidalAdvice? advice)
    {
        var zone = BusinessClock.Zone(hall.TimeZone);
        var from = BusinessClock.LocalTime(slot.Start, zone);
        var minutes = (slot.End - slot.Start).TotalMinutes;
        var first = AnalyticsInterval.Of(from);
        var cells = new List<(TidalCoverage Cell, double Fraction)>();
        for (var i = first; i < AnalyticsInterval.PerDay; i++)
        {
            var start = (i * AnalyticsInterval.Minutes) - ((from.Hour * 60) + from.Minute);
            var overlap = Math.Min(start + AnalyticsInterval.Minutes, minutes) - Math.Max(start, 0);
            if (overlap <= 0)
            {
                break;
            }

            if (advice?.Coverage.FirstOrDefault(c => c.Theme == theme.Code && c.Interval == i) is { } cell)
            {
                cells.Add((cell, overlap / AnalyticsInterval.Minutes));
            }
        }

        if (cells.Count == 0)
        {
            return new SlotDemand(0, theme.ExpectedServiceMinutes, ConfiguredWindows(hall, theme.Code));
        }

        var walkIns = cells.Sum(c => c.Cell.ArrivalsPerHour / 2 * c.Fraction);
        var handles = cells.Select(c => c.Cell.AverageServiceMinutes).Where(h => h > 0).ToList();
        // The advice schedules dedicated and tidal windows; comprehensive windows float outside it and add their share.
        var floating = ConfiguredWindows(hall, theme.Code, w => !w.Tidal && w.Profile.Kind == WindowProfileKind.Comprehensive);
        return new SlotDemand(walkIns, handles.Count > 0 ? handles.Average() : theme.ExpectedServiceMinutes, cells.Min(c => c.Cell.Scheduled) + floating);
    }

    /// <summary>The windows configured for a theme: a window serving k of the hall's themes counts 1/k for each.</summary>
    public static double ConfiguredWindows(HallConfig hall, string themeCode, Func<WindowConfig, bool>? which = null)
    {
        var codes = hall.ThemeCodes.ToList();
        return hall.Windows.Where(w => w.Profile.Serves(themeCode) && (which?.Invoke(w) ?? true)).Sum(w => 1.0 / Math.Max(1, w.Profile.Resolve(codes).Length));
    }
}

/// <summary>What a slot faces: the walk-ins expected over it, the mean service minutes and the windows serving its theme.</summary>
public readonly record struct SlotDemand(double WalkIns, double HandleMinutes, double Windows);

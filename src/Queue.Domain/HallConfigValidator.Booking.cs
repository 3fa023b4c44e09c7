using Queue.Contracts.Config;
using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>Checks a hall's appointment settings: slot length, horizon, check-in window, shares and the themes named.</summary>
public static partial class HallConfigValidator
{
    /// <summary>Slot lengths that tile the forecast's 30-minute intervals.</summary>
    public static readonly IReadOnlyList<int> SlotLengths = [15, 30, 60];

    public static BookingConfig ValidateBooking(BookingConfig booking, IReadOnlySet<string> themeCodes)
    {
        var themes = booking.Themes.IsDefault ? [] : booking.Themes;
        Check(SlotLengths.Contains(booking.SlotMinutes), () => Refusals.BookingSettings("slotMinutes"));
        Check(booking.DaysAhead is >= 0 and <= 60, () => Refusals.BookingSettings("daysAhead"));
        Check(booking.CheckInEarlyMinutes is >= 0 and <= 240, () => Refusals.BookingSettings("checkInEarlyMinutes"));
        Check(booking.CheckInLateMinutes is >= 0 and <= 240, () => Refusals.BookingSettings("checkInLateMinutes"));
        Check(booking.DefaultShare is >= 0 and <= 1, () => Refusals.BookingSettings("defaultShare"));
        foreach (var theme in themes)
        {
            Check(theme is not null && theme.ThemeCode is not null && themeCodes.Contains(theme.ThemeCode), () => Refusals.ThemeNotFound(theme?.ThemeCode ?? ""));
            Check(theme!.Share is null or (>= 0 and <= 1), () => Refusals.BookingSettings("share"));
            Check(theme.Capacity is null or (>= 0 and <= 1000), () => Refusals.BookingSettings("capacity"));
        }

        Unique(themes.Select(t => t.ThemeCode), code => Refusals.BookingSettings("themes"));
        return booking with { Themes = themes };
    }
}

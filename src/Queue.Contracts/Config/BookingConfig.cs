using System.Collections.Immutable;

namespace Queue.Contracts.Config;

/// <summary>
/// Timed appointments (分时段预约) of a hall: slots of <see cref="SlotMinutes"/> inside the opening calendar's periods,
/// bookable up to <see cref="DaysAhead"/> days ahead; a booking checks in from <see cref="CheckInEarlyMinutes"/> before its
/// slot to <see cref="CheckInLateMinutes"/> after its start. Each slot takes at most <see cref="DefaultShare"/> (or the
/// theme's own share) of what the windows serving the theme can serve in it, and never more than leaves the expected
/// walk-ins within the theme's wait target (Queue.Domain's SlotCapacity). Without a record on the hall, <see cref="Default"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BookingConfig(
    [property: Id(0)] bool Enabled = true,
    [property: Id(1)] int SlotMinutes = 30,
    [property: Id(2)] int DaysAhead = 7,
    [property: Id(3)] int CheckInEarlyMinutes = 30,
    [property: Id(4)] int CheckInLateMinutes = 15,
    [property: Id(5)] double DefaultShare = 0.5)
{
    public static BookingConfig Default { get; } = new();

    /// <summary>The themes' own settings (a theme not listed: bookable at <see cref="DefaultShare"/>).</summary>
    [Id(6)]
    public ImmutableArray<BookingThemeConfig> Themes { get; init; } = [];

    /// <summary>The theme's settings: its own entry, else bookable at the default share.</summary>
    public BookingThemeConfig For(string themeCode) =>
        (Themes.IsDefault ? null : Themes.FirstOrDefault(t => t.ThemeCode == themeCode)) ?? new BookingThemeConfig(themeCode);

    public double ShareOf(string themeCode) => For(themeCode).Share ?? DefaultShare;
}

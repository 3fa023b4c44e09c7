using System.Collections.Immutable;

namespace Queue.Contracts.Config;

/// <summary>
/// One service hall (大厅 / 中心): zones, themes, windows, opening hours and its time zone. With
/// <see cref="EnforceOpeningHours"/> tickets are issued only between <see cref="Opens"/> and <see cref="Closes"/>
/// and what is still waiting expires at closing time. With a <see cref="Calendar"/> the calendar's periods replace
/// that pair (Queue.Domain's OpeningCalendar asks it); without one, <see cref="Opens"/>–<see cref="Closes"/> holds every day.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HallConfig(
    [property: Id(0)] string HallId,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameEn,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] TimeOnly Opens,
    [property: Id(5)] TimeOnly Closes,
    [property: Id(6)] ImmutableArray<ZoneConfig> Zones,
    [property: Id(7)] ImmutableArray<ThemeConfig> Themes,
    [property: Id(8)] ImmutableArray<WindowConfig> Windows,
    [property: Id(9)] RoutingPolicy Policy,
    [property: Id(10)] bool EnforceOpeningHours = true,
    [property: Id(11)] HallCalendar? Calendar = null,
    [property: Id(37)] int OneTripDays = HallConfig.DefaultOneTripDays,
    [property: Id(20)] BookingConfig? Booking = null)
{
    /// <summary>How many days after a 没办成 or a transfer a return for the same theme counts as a second trip (最多跑一次).</summary>
    public const int DefaultOneTripDays = 30;

    public const int MaxOneTripDays = 365;

    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The theme with this code, or null (a loop, not LINQ: every simulated call of every forecast asks this).</summary>
    public ThemeConfig? FindTheme(string code)
    {
        foreach (var theme in Themes)
        {
            if (theme.Code == code)
            {
                return theme;
            }
        }

        return null;
    }

    public WindowConfig? FindWindow(int windowNo) => Windows.FirstOrDefault(w => w.WindowNo == windowNo);

    public IEnumerable<string> ThemeCodes => Themes.Select(t => t.Code);

    /// <summary>The hall's appointment settings (<see cref="BookingConfig.Default"/> when it has none).</summary>
    public BookingConfig BookingSettingsOrDefault() => Booking ?? BookingConfig.Default;
}

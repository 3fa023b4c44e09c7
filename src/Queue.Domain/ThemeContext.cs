using Queue.Contracts.Config;

namespace Queue.Domain;

/// <summary>What a theme's line needs to know of its hall.</summary>
public sealed record ThemeContext(string HallId, string TimeZone, ThemeConfig Theme, RoutingPolicy Policy)
{
    /// <summary>The hall's opening calendar when the hall enforces its hours, else null (always open).</summary>
    public OpeningCalendar? Calendar { get; init; }

    public static ThemeContext For(HallConfig hall, ThemeConfig theme) => new(hall.HallId, hall.TimeZone, theme, hall.Policy)
    {
        Calendar = OpeningCalendar.For(hall),
    };
}

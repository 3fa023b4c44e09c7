using Queue.Contracts.Config;

namespace Queue.Domain;

/// <summary>What a theme's line needs to know of its hall.</summary>
public sealed record ThemeContext(string HallId, string TimeZone, ThemeConfig Theme, RoutingPolicy Policy)
{
    /// <summary>Opening hours when the hall enforces them, else null.</summary>
    public (TimeOnly Opens, TimeOnly Closes)? Hours { get; init; }

    public static ThemeContext For(HallConfig hall, ThemeConfig theme) => new(hall.HallId, hall.TimeZone, theme, hall.Policy)
    {
        Hours = hall.EnforceOpeningHours ? (hall.Opens, hall.Closes) : null,
    };
}

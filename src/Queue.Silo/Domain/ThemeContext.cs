using Queue.Contracts.Config;

namespace Queue.Silo.Domain;

/// <summary>What a theme's line needs to know of its hall.</summary>
public sealed record ThemeContext(string HallId, string TimeZone, ThemeConfig Theme, RoutingPolicy Policy);

namespace Queue.Contracts.Analytics;

/// <summary>
/// One rating (好差评) as the manager reads it: when, which ticket and theme, the window and staff (account) that served it,
/// the wait from issue to first call in minutes, the level (1 非常不满意 … 5 非常满意), the citizen's comment as written
/// (pages must show it as text) and the masked citizen name when one was given. Ratings made before these were recorded
/// have no window, staff or wait.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RatingEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string? DisplayNumber,
    [property: Id(2)] string ThemeCode,
    [property: Id(3)] string? ThemeName,
    [property: Id(4)] string? ThemeNameEn,
    [property: Id(5)] int? WindowNo,
    [property: Id(6)] string? StaffId,
    [property: Id(7)] double? WaitMinutes,
    [property: Id(8)] int Level,
    [property: Id(9)] string? Comment,
    [property: Id(10)] string? CitizenName);

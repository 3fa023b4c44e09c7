using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of a hall configuration (all 422).</summary>
public static partial class Refusals
{
    public static QueueRuleException HallIdMismatch(string? configured, string hallId) => Config("hall-id-mismatch", nameof(T.HallIdMismatch), configured, hallId);

    public static QueueRuleException HallIdFormat() => Config("hall-id", nameof(T.HallIdFormat));

    public static QueueRuleException HallName() => Config("hall-name", nameof(T.HallName));

    /// <summary>A name too long or with control characters; <paramref name="code"/> says whose (hall-name, zone, theme-name).</summary>
    public static QueueRuleException NameTooLong(string code, int maxLength) => Config(code, nameof(T.NameTooLong), maxLength);

    public static QueueRuleException TimeZone(string? timeZone) => Config("time-zone", nameof(T.TimeZone), timeZone);

    public static QueueRuleException Hours() => Config("hours", nameof(T.Hours));

    public static QueueRuleException CalendarPeriod(string day, string opens, string closes) => Config("calendar-period", nameof(T.CalendarPeriod), day, opens, closes);

    public static QueueRuleException CalendarOverlap(string day, string where) => Config("calendar-overlap", nameof(T.CalendarOverlap), day, where);

    public static QueueRuleException CalendarZone(string? zoneId) => Config("calendar-zone", nameof(T.CalendarZone), zoneId);

    public static QueueRuleException CalendarDate(string date) => Config("calendar-date", nameof(T.CalendarDate), date);

    public static QueueRuleException CalendarSize(int maxPeriods, int maxDates) => Config("calendar-size", nameof(T.CalendarSize), maxPeriods, maxDates);

    public static QueueRuleException ThemeCutoff(string? code) => Config("theme-cutoff", nameof(T.ThemeCutoff), code);

    public static QueueRuleException Zones() => Config("zones", nameof(T.Zones));

    public static QueueRuleException Themes(int max) => Config("themes", nameof(T.Themes), max);

    public static QueueRuleException Windows(int max) => Config("windows", nameof(T.Windows), max);

    public static QueueRuleException Zone() => Config("zone", nameof(T.Zone));

    public static QueueRuleException ThemeCode(string? code) => Config("theme-code", nameof(T.ThemeCode), code);

    public static QueueRuleException ThemeName(string? code) => Config("theme-name", nameof(T.ThemeName), code);

    public static QueueRuleException ThemePrefix(string? code) => Config("theme-prefix", nameof(T.ThemePrefix), code);

    public static QueueRuleException ThemeZone(string? code, string? zoneId) => Config("theme-zone", nameof(T.ThemeZone), code, zoneId);

    public static QueueRuleException ThemeTarget() => Config("theme-target", nameof(T.ThemeTarget));

    public static QueueRuleException ThemeService() => Config("theme-service", nameof(T.ThemeService));

    public static QueueRuleException WindowNo() => Config("window-no", nameof(T.WindowNo));

    public static QueueRuleException WindowZone(int windowNo, string? zoneId) => Config("window-zone", nameof(T.WindowZone), windowNo, zoneId);

    public static QueueRuleException ZoneDuplicate(string? zoneId) => Config("zone-duplicate", nameof(T.ZoneDuplicate), zoneId);

    public static QueueRuleException ThemeDuplicate(string? code) => Config("theme-duplicate", nameof(T.ThemeDuplicate), code);

    public static QueueRuleException PrefixDuplicate(string? prefix) => Config("prefix-duplicate", nameof(T.PrefixDuplicate), prefix);

    public static QueueRuleException WindowDuplicate(string? windowNo) => Config("window-duplicate", nameof(T.WindowDuplicate), windowNo);

    public static QueueRuleException PolicyPriorityCalls() => Config("policy", nameof(T.PolicyPriorityCalls));

    public static QueueRuleException PolicyCriticalUrgency() => Config("policy", nameof(T.PolicyCriticalUrgency));

    public static QueueRuleException PolicyRecalls() => Config("policy", nameof(T.PolicyRecalls));

    public static QueueRuleException PolicyRejoinPenalty() => Config("policy", nameof(T.PolicyRejoinPenalty));

    public static QueueRuleException PolicyNearTurn() => Config("policy", nameof(T.PolicyNearTurn));

    public static QueueRuleException WindowProfileMissing(int windowNo) => Config("window-profile", nameof(T.WindowProfileMissing), windowNo);

    public static QueueRuleException WindowProfileComprehensive() => Config("window-profile", nameof(T.WindowProfileComprehensive));

    public static QueueRuleException WindowProfileDedicated() => Config("window-profile", nameof(T.WindowProfileDedicated));

    public static QueueRuleException WindowProfileOrdered() => Config("window-profile", nameof(T.WindowProfileOrdered));

    public static QueueRuleException WindowProfileKind() => Config("window-profile", nameof(T.WindowProfileKind));

    public static QueueRuleException WindowProfileTwice() => Config("window-profile", nameof(T.WindowProfileTwice));

    public static QueueRuleException WindowTheme(int windowNo, string theme) => Config("window-theme", nameof(T.WindowTheme), windowNo, theme);

    private static QueueRuleException Config(string code, string key, params object?[] arguments) => Make(ProblemKind.Unprocessable, code, key, arguments);
}

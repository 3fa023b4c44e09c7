using System.Text.RegularExpressions;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>Checks a hall configuration as a whole and normalizes it (missing lists become empty).</summary>
public static partial class HallConfigValidator
{
    public const int MaxThemes = 64;
    public const int MaxWindows = 500;
    public const int MaxNameLength = 100;

    [GeneratedRegex("^[A-Z]{1,2}$")]
    private static partial Regex PrefixPattern();

    public static HallConfig Validate(HallConfig config, string hallId)
    {
        var zones = config.Zones.IsDefault ? [] : config.Zones;
        var themes = config.Themes.IsDefault ? [] : config.Themes;
        var windows = config.Windows.IsDefault ? [] : config.Windows;
        var policy = config.Policy ?? RoutingPolicy.Default;

        Check(config.HallId == hallId, () => Refusals.HallIdMismatch(config.HallId, hallId));
        Check(Identifiers.HallId().IsMatch(hallId), Refusals.HallIdFormat);
        Check(!string.IsNullOrWhiteSpace(config.Name), Refusals.HallName);
        CheckName(config.Name, "hall-name");
        Check(TimeZoneInfo.TryFindSystemTimeZoneById(config.TimeZone ?? "", out _), () => Refusals.TimeZone(config.TimeZone));
        Check(config.Opens < config.Closes, Refusals.Hours);
        Check(zones.Length > 0, Refusals.Zones);
        Check(themes.Length is > 0 and <= MaxThemes, () => Refusals.Themes(MaxThemes));
        Check(windows.Length is > 0 and <= MaxWindows, () => Refusals.Windows(MaxWindows));
        foreach (var zone in zones)
        {
            Check(zone is not null && !string.IsNullOrWhiteSpace(zone.ZoneId) && !string.IsNullOrWhiteSpace(zone.Name), Refusals.Zone);
            CheckName(zone!.Name, "zone");
        }

        var zoneIds = zones.Select(z => z.ZoneId).ToHashSet();

        foreach (var theme in themes)
        {
            Check(theme is not null && theme.Code is not null && Identifiers.ThemeCode().IsMatch(theme.Code), () => Refusals.ThemeCode(theme?.Code));
            Check(!string.IsNullOrWhiteSpace(theme!.Name), () => Refusals.ThemeName(theme.Code));
            CheckName(theme.Name, "theme-name");
            Check(theme.Prefix is not null && PrefixPattern().IsMatch(theme.Prefix), () => Refusals.ThemePrefix(theme.Code));
            Check(zoneIds.Contains(theme.ZoneId), () => Refusals.ThemeZone(theme.Code, theme.ZoneId));
            Check(theme.TargetMinutes is >= 1 and <= 480, Refusals.ThemeTarget);
            Check(theme.ExpectedServiceMinutes is >= 0.5 and <= 480, Refusals.ThemeService);
            Check(theme.IssueCutoffMinutes is null or (>= 0 and <= 480), () => Refusals.ThemeCutoff(theme.Code));
            ValidateNotice(theme.Notice, theme.Code!);
        }

        var themeCodes = themes.Select(t => t.Code).ToHashSet();
        foreach (var window in windows)
        {
            Check(window is not null && window.WindowNo is >= 1 and <= 9999, Refusals.WindowNo);
            Check(zoneIds.Contains(window!.ZoneId), () => Refusals.WindowZone(window.WindowNo, window.ZoneId));
            CheckProfile(window.Profile, themeCodes, window.WindowNo);
        }

        Unique(zones.Select(z => z.ZoneId), Refusals.ZoneDuplicate);
        Unique(themes.Select(t => t.Code), Refusals.ThemeDuplicate);
        Unique(themes.Select(t => t.Prefix), Refusals.PrefixDuplicate);
        Unique(windows.Select(w => w.WindowNo.ToString(System.Globalization.CultureInfo.InvariantCulture)), Refusals.WindowDuplicate);

        Check(policy.MaxConsecutivePriorityCalls is >= 0 and <= 20, Refusals.PolicyPriorityCalls);
        Check(policy.CriticalUrgency is > 0 and <= 5, Refusals.PolicyCriticalUrgency);
        Check(policy.RecallsBeforeNoShow is >= 0 and <= 10, Refusals.PolicyRecalls);
        Check(policy.NoShowRejoinPenalty is >= 0 and <= 100, Refusals.PolicyRejoinPenalty);
        Check(policy.NearTurnReminder is >= 0 and <= 50, Refusals.PolicyNearTurn);
        Check(config.OneTripDays is >= 1 and <= HallConfig.MaxOneTripDays, () => Refusals.InvalidNumber("oneTripDays", 1, HallConfig.MaxOneTripDays));

        var calendar = config.Calendar is null ? null : ValidateCalendar(config.Calendar, zoneIds);
        return config with
        {
            Calendar = calendar,
            Booking = config.Booking is null ? null : ValidateBooking(config.Booking, themeCodes),
            Zones = zones,
            Themes = [.. themes.Select(t => t.Notice is null ? t : t with { Notice = ValidateNotice(t.Notice, t.Code) })],
            Windows = [.. windows.Select(w => w with { Profile = Normalize(w.Profile) })],
            Policy = policy,
        };
    }

    /// <summary>A window profile is valid when its kind and its themes agree and every theme exists.</summary>
    public static void CheckProfile(WindowProfile? profile, IReadOnlySet<string> themeCodes, int windowNo)
    {
        Check(profile is not null, () => Refusals.WindowProfileMissing(windowNo));
        var themes = profile!.Themes.IsDefault ? [] : profile.Themes;
        switch (profile.Kind)
        {
            case WindowProfileKind.Comprehensive:
                Check(themes.Length == 0, Refusals.WindowProfileComprehensive);
                break;
            case WindowProfileKind.Dedicated:
                Check(themes.Length == 1, Refusals.WindowProfileDedicated);
                break;
            case WindowProfileKind.Ordered:
                Check(themes.Length >= 1, Refusals.WindowProfileOrdered);
                break;
            default:
                Check(false, Refusals.WindowProfileKind);
                break;
        }

        Check(themes.Distinct().Count() == themes.Length, Refusals.WindowProfileTwice);
        foreach (var theme in themes)
        {
            Check(themeCodes.Contains(theme), () => Refusals.WindowTheme(windowNo, theme));
        }
    }

    private static void CheckName(string? name, string code) =>
        Check(name is null || (name.Length <= MaxNameLength && !name.Any(char.IsControl)), () => Refusals.NameTooLong(code, MaxNameLength));

    private static WindowProfile Normalize(WindowProfile profile) =>
        profile.Themes.IsDefault ? profile with { Themes = [] } : profile;

    private static void Unique(IEnumerable<string> values, Func<string?, QueueRuleException> refusal)
    {
        var duplicate = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1)?.Key;
        Check(duplicate is null, () => refusal(duplicate));
    }

    /// <summary>Throws the refusal (made only then) unless <paramref name="condition"/> holds.</summary>
    private static void Check(bool condition, Func<QueueRuleException> refusal)
    {
        if (!condition)
        {
            throw refusal();
        }
    }
}

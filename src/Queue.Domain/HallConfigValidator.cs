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

        Check(config.HallId == hallId, "hall-id-mismatch", $"配置中的大厅编号 {config.HallId} 与地址中的 {hallId} 不一致", $"Hall id {config.HallId} does not match {hallId}");
        Check(Identifiers.HallId().IsMatch(hallId), "hall-id", "大厅编号只能包含小写字母、数字和连字符（最多40位）", "A hall id has 1–40 lowercase letters, digits or hyphens");
        Check(!string.IsNullOrWhiteSpace(config.Name), "hall-name", "大厅名称不能为空", "A hall needs a name");
        CheckName(config.Name, "hall-name");
        Check(TimeZoneInfo.TryFindSystemTimeZoneById(config.TimeZone ?? "", out _), "time-zone", $"未知时区 {config.TimeZone}", $"Unknown time zone {config.TimeZone}");
        Check(config.Opens < config.Closes, "hours", "开门时间必须早于关门时间", "Opening time must be before closing time");
        Check(zones.Length > 0, "zones", "至少需要一个区域", "A hall needs at least one zone");
        Check(themes.Length is > 0 and <= MaxThemes, "themes", $"服务主题数量须在1到{MaxThemes}之间", $"A hall has 1 to {MaxThemes} themes");
        Check(windows.Length is > 0 and <= MaxWindows, "windows", $"窗口数量须在1到{MaxWindows}之间", $"A hall has 1 to {MaxWindows} windows");
        foreach (var zone in zones)
        {
            Check(zone is not null && !string.IsNullOrWhiteSpace(zone.ZoneId) && !string.IsNullOrWhiteSpace(zone.Name), "zone", "区域编号和名称不能为空", "A zone needs an id and a name");
            CheckName(zone!.Name, "zone");
        }

        var zoneIds = zones.Select(z => z.ZoneId).ToHashSet();

        foreach (var theme in themes)
        {
            Check(theme is not null && theme.Code is not null && Identifiers.ThemeCode().IsMatch(theme.Code), "theme-code", $"服务主题编号 {theme?.Code} 须为大写字母开头的1–16位大写字母或数字", $"Theme code {theme?.Code} must be 1–16 uppercase letters or digits, starting with a letter");
            Check(!string.IsNullOrWhiteSpace(theme!.Name), "theme-name", $"服务主题 {theme.Code} 需要名称", $"Theme {theme.Code} needs a name");
            CheckName(theme.Name, "theme-name");
            Check(theme.Prefix is not null && PrefixPattern().IsMatch(theme.Prefix), "theme-prefix", $"服务主题 {theme.Code} 的前缀须为1–2个大写字母", $"Theme {theme.Code} prefix must be 1–2 uppercase letters");
            Check(zoneIds.Contains(theme.ZoneId), "theme-zone", $"服务主题 {theme.Code} 的区域 {theme.ZoneId} 不存在", $"Theme {theme.Code} refers to unknown zone {theme.ZoneId}");
            Check(theme.TargetMinutes is >= 1 and <= 480, "theme-target", "等候目标须在1到480分钟之间", "A wait target is 1 to 480 minutes");
            Check(theme.ExpectedServiceMinutes is >= 0.5 and <= 480, "theme-service", "预计办理时长须在0.5到480分钟之间", "An expected service time is 0.5 to 480 minutes");
        }

        var themeCodes = themes.Select(t => t.Code).ToHashSet();
        foreach (var window in windows)
        {
            Check(window is not null && window.WindowNo is >= 1 and <= 9999, "window-no", "窗口号须在1到9999之间", "A window number is 1 to 9999");
            Check(zoneIds.Contains(window!.ZoneId), "window-zone", $"{window.WindowNo}号窗口的区域 {window.ZoneId} 不存在", $"Window {window.WindowNo} refers to unknown zone {window.ZoneId}");
            CheckProfile(window.Profile, themeCodes, window.WindowNo);
        }

        Unique(zones.Select(z => z.ZoneId), "zone-duplicate", "区域编号重复", "Duplicate zone id");
        Unique(themes.Select(t => t.Code), "theme-duplicate", "服务主题编号重复", "Duplicate theme code");
        Unique(themes.Select(t => t.Prefix), "prefix-duplicate", "号票前缀字母重复（同一大厅内须唯一）", "Duplicate ticket prefix (must be unique in the hall)");
        Unique(windows.Select(w => w.WindowNo.ToString(System.Globalization.CultureInfo.InvariantCulture)), "window-duplicate", "窗口号重复", "Duplicate window number");

        Check(policy.MaxConsecutivePriorityCalls is >= 0 and <= 20, "policy", "连续优先叫号上限须在0到20之间", "Max consecutive priority calls is 0 to 20");
        Check(policy.CriticalUrgency is > 0 and <= 5, "policy", "紧急度阈值须在0到5之间", "Critical urgency is between 0 and 5");
        Check(policy.RecallsBeforeNoShow is >= 0 and <= 10, "policy", "过号前重呼次数须在0到10之间", "Recalls before a no-show are 0 to 10");
        Check(policy.NoShowRejoinPenalty is >= 0 and <= 100, "policy", "过号重排位置须在0到100之间", "The rejoin penalty is 0 to 100 places");
        Check(policy.NearTurnReminder is >= 0 and <= 50, "policy", "临近提醒位数须在0到50之间", "The near-turn reminder is 0 to 50 places");

        return config with
        {
            Zones = zones,
            Themes = themes,
            Windows = [.. windows.Select(w => w with { Profile = Normalize(w.Profile) })],
            Policy = policy,
        };
    }

    /// <summary>A window profile is valid when its kind and its themes agree and every theme exists.</summary>
    public static void CheckProfile(WindowProfile? profile, IReadOnlySet<string> themeCodes, int windowNo)
    {
        Check(profile is not null, "window-profile", $"{windowNo}号窗口缺少受理范围", $"Window {windowNo} needs a profile");
        var themes = profile!.Themes.IsDefault ? [] : profile.Themes;
        switch (profile.Kind)
        {
            case WindowProfileKind.Comprehensive:
                Check(themes.Length == 0, "window-profile", "综合窗口受理全部主题，不需列出主题", "A comprehensive window serves all themes; list none");
                break;
            case WindowProfileKind.Dedicated:
                Check(themes.Length == 1, "window-profile", "专窗只能受理一个主题", "A dedicated window serves exactly one theme");
                break;
            case WindowProfileKind.Ordered:
                Check(themes.Length >= 1, "window-profile", "按序受理的窗口至少需要一个主题", "An ordered window serves at least one theme");
                break;
            default:
                Check(false, "window-profile", "未知的窗口类型", "Unknown window profile kind");
                break;
        }

        Check(themes.Distinct().Count() == themes.Length, "window-profile", "窗口受理主题重复", "A window lists a theme twice");
        foreach (var theme in themes)
        {
            Check(themeCodes.Contains(theme), "window-theme", $"{windowNo}号窗口受理的主题 {theme} 不存在", $"Window {windowNo} serves unknown theme {theme}");
        }
    }

    private static void CheckName(string? name, string code) =>
        Check(name is null || (name.Length <= MaxNameLength && !name.Any(char.IsControl)), code, $"名称最多{MaxNameLength}个字符，且不能包含控制字符", $"A name has at most {MaxNameLength} characters and no control characters");

    private static WindowProfile Normalize(WindowProfile profile) =>
        profile.Themes.IsDefault ? profile with { Themes = [] } : profile;

    private static void Unique(IEnumerable<string> values, string code, string zh, string en)
    {
        var duplicate = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1)?.Key;
        Check(duplicate is null, code, $"{zh}：{duplicate}", $"{en}: {duplicate}");
    }

    private static void Check(bool condition, string code, string zh, string en)
    {
        if (!condition)
        {
            throw QueueRuleException.Unprocessable(code, zh, en);
        }
    }
}

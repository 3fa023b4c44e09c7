using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Config;

namespace Queue.Domain;

/// <summary>
/// What a configuration save changed, as the short zh/en line the journal keeps with who saved it: e.g.
/// "主题 +C ~A；窗口 ~3 / themes +C ~A; windows ~3". Items are compared by their JSON form (lists inside records
/// have no value equality), so any field counts, those a page does not show too.
/// </summary>
public static class ConfigChanges
{
    public static string Summarize(HallConfig? before, HallConfig after)
    {
        if (before is null)
        {
            return "新建配置 / new configuration";
        }

        var zh = new List<string>();
        var en = new List<string>();
        void Add(string zhWord, string enWord, string detail)
        {
            if (detail.Length > 0)
            {
                zh.Add(zhWord + detail);
                en.Add(enWord + detail);
            }
        }

        var hallBefore = before with { Zones = [], Themes = [], Windows = [], Policy = RoutingPolicy.Default, Calendar = null };
        var hallAfter = after with { Zones = [], Themes = [], Windows = [], Policy = RoutingPolicy.Default, Calendar = null };
        Add("大厅", "hall", Same(hallBefore, hallAfter) ? "" : " ~");
        Add("区域", "zones", Items(before.Zones, after.Zones, z => z.ZoneId));
        Add("主题", "themes", Items(before.Themes, after.Themes, t => t.Code));
        Add("窗口", "windows", Items(before.Windows, after.Windows, w => w.WindowNo.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Add("叫号策略", "policy", Same(before.Policy, after.Policy) ? "" : " ~");
        Add("日历", "calendar", Same(before.Calendar, after.Calendar) ? "" : " ~");
        var text = zh.Count == 0 ? "无变化 / no change" : string.Join("；", zh) + " / " + string.Join("; ", en);
        return text.Length <= 300 ? text : text[..299] + "…";
    }

    private static string Items<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key)
    {
        var old = before.ToDictionary(key, Json);
        var now = after.ToDictionary(key, Json);
        var parts = now.Keys.Where(k => !old.ContainsKey(k)).Select(k => "+" + k)
            .Concat(old.Keys.Where(k => !now.ContainsKey(k)).Select(k => "-" + k))
            .Concat(now.Keys.Where(k => old.TryGetValue(k, out var o) && o != now[k]).Select(k => "~" + k));
        var list = string.Join(" ", parts);
        return list.Length == 0 ? "" : " " + list;
    }

    private static bool Same<T>(T a, T b) => Json(a) == Json(b);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, QueueJson.Options);
}

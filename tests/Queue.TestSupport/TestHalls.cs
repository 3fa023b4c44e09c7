using Queue.Domain;
using Queue.Contracts.Config;
using Queue.Contracts.Model;

namespace Queue.TestSupport;

/// <summary>Hall configurations for tests: small halls built to a test's need.</summary>
public static class TestHalls
{
    /// <summary>A hall with the given themes (prefix A, B, C… in order) and windows, open around the clock.</summary>
    public static HallConfig Small(string hallId, string[] themes, params WindowProfile[] windows) => new(
        hallId,
        "测试大厅",
        "Test hall",
        HallConfig.DefaultTimeZone,
        new TimeOnly(8, 30),
        new TimeOnly(17, 0),
        [new ZoneConfig("z", "综合区", "Main")],
        [.. themes.Select((code, i) => new ThemeConfig(code, code + "事项", code, ((char)('A' + i)).ToString(), "z", 30, 10))],
        [.. windows.Select((profile, i) => new WindowConfig(i + 1, "z", profile))],
        RoutingPolicy.Default,
        EnforceOpeningHours: false);
}

namespace Queue.Contracts.Config;

/// <summary>
/// A service theme (服务主题 / 一件事): one waiting line with its ticket prefix letter, the wait target
/// (the reform's 30 minutes by default) and the expected service time used until real statistics exist. Under a hall
/// calendar no ticket is issued later than <see cref="IssueCutoffMinutes"/> (by default the expected service minutes,
/// rounded up) before the period's closing. <see cref="Notice"/> is the theme's 一次性告知 (materials, fees, time, notes), if configured.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ThemeConfig(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameEn,
    [property: Id(3)] string Prefix,
    [property: Id(4)] string ZoneId,
    [property: Id(5)] int TargetMinutes = 30,
    [property: Id(6)] double ExpectedServiceMinutes = 10,
    [property: Id(7)] int? IssueCutoffMinutes = null,
    [property: Id(33)] ThemeNotice? Notice = null);

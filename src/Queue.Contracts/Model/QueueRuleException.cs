namespace Queue.Contracts.Model;

/// <summary>
/// A command the queue refuses, with a stable code and a message in Chinese and in English. Thrown by grains,
/// carried across the cluster, and turned into ProblemDetails by the web tier.
/// </summary>
[GenerateSerializer]
public sealed class QueueRuleException : Exception
{
    public QueueRuleException(ProblemKind kind, string code, string messageZh, string messageEn)
        : base(messageEn)
    {
        Kind = kind;
        Code = code;
        MessageZh = messageZh;
        MessageEn = messageEn;
    }

    public QueueRuleException()
        : this(ProblemKind.Conflict, "unknown", "未知错误", "Unknown error")
    {
    }

    public QueueRuleException(string message)
        : this(ProblemKind.Conflict, "unknown", message, message)
    {
    }

    public QueueRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "unknown";
        MessageZh = message;
        MessageEn = message;
    }

    [Id(0)] public ProblemKind Kind { get; init; }

    [Id(1)] public string Code { get; init; }

    [Id(2)] public string MessageZh { get; init; }

    [Id(3)] public string MessageEn { get; init; }

    /// <summary>For a refusal that passes (429): when to ask again, sent as Retry-After.</summary>
    [Id(4)] public TimeSpan? RetryAfter { get; init; }

    public static QueueRuleException NotFound(string code, string zh, string en) => new(ProblemKind.NotFound, code, zh, en);

    public static QueueRuleException HallNotFound(string hallId) => NotFound("hall-not-found", $"找不到大厅 {hallId}", $"Hall {hallId} not found");

    public static QueueRuleException AdviceNotFound(DateOnly date) => NotFound(
        "advice-not-found", $"{date:yyyy-MM-dd} 还没有潮汐窗口建议，请先生成", $"No tidal advice for {date:yyyy-MM-dd} yet; compute it first");

    public static QueueRuleException Conflict(string code, string zh, string en) => new(ProblemKind.Conflict, code, zh, en);

    public static QueueRuleException Unprocessable(string code, string zh, string en) => new(ProblemKind.Unprocessable, code, zh, en);

    public static QueueRuleException Invalid(string code, string zh, string en) => new(ProblemKind.Invalid, code, zh, en);

    public static QueueRuleException Unauthorized() =>
        new(ProblemKind.Unauthorized, "unauthorized", "请先登录（或使用设备令牌）", "Sign in first (or use a device token)");

    public static QueueRuleException TicketNotFound() => NotFound("ticket-not-found", "找不到该号票", "Ticket not found");

    public static QueueRuleException ThemeNotFound(string themeCode, string? hallId = null) => hallId is null
        ? NotFound("theme-not-found", $"找不到服务主题 {themeCode}", $"Theme {themeCode} not found")
        : NotFound("theme-not-found", $"大厅 {hallId} 没有服务主题 {themeCode}", $"Hall {hallId} has no theme {themeCode}");

    public static QueueRuleException InvalidUserName() => Unprocessable(
        "user-name", "用户名为2–40位小写字母、数字、点、下划线或连字符", "A user name has 2–40 lowercase letters, digits, dots, underscores or hyphens");

    public static QueueRuleException AccountNotFound(string userName) =>
        NotFound("account-not-found", $"找不到用户 {userName}", $"No account {userName}");

    public static QueueRuleException DeviceNotFound(string deviceId) =>
        NotFound("device-not-found", $"找不到设备 {deviceId}", $"No device {deviceId}");

    /// <summary>No valid key to this ticket: 401 for nobody in particular, 403 for a caller signed in without the right.</summary>
    public static QueueRuleException TicketKey(bool signedIn) => new(
        signedIn ? ProblemKind.Forbidden : ProblemKind.Unauthorized,
        "ticket-key",
        "号票链接无效：请使用取号时给出的链接或二维码",
        "Not a valid link to this ticket: use the link or QR code given with it");

    public static QueueRuleException Forbidden() =>
        new(ProblemKind.Forbidden, "forbidden", "您没有权限执行此操作", "You are not allowed to do this");
}

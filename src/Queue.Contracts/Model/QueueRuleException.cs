using System.Globalization;

namespace Queue.Contracts.Model;

/// <summary>
/// A command the queue refuses, with a stable code and a message in Chinese and in English. Thrown by grains,
/// carried across the cluster, and turned into ProblemDetails by the web tier. Made by the catalogue
/// (<see cref="Refusals"/>): a code, the key of its message templates and the arguments they take; the two messages
/// are resolved from the catalogue's resources when the refusal is made and travel with it.
/// </summary>
[GenerateSerializer]
public sealed class QueueRuleException : Exception
{
    /// <summary>A refusal from the catalogue: <paramref name="messageKey"/> names its zh-CN and English templates.</summary>
    internal QueueRuleException(ProblemKind kind, string code, string messageKey, string[] arguments)
        : base(Refusals.Format(messageKey, Refusals.English, arguments))
    {
        Kind = kind;
        Code = code;
        MessageKey = messageKey;
        Arguments = arguments;
        MessageZh = Refusals.Format(messageKey, Refusals.Chinese, arguments);
        MessageEn = Message;
    }

    /// <summary>The refusal the standard exception constructors make: no catalogue key, the same sentence in both languages.</summary>
    private QueueRuleException(ProblemKind kind, string code, string messageZh, string messageEn)
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

    /// <summary>The arguments of the message templates, as text (empty for a refusal made without the catalogue).</summary>
    [Id(5)] public string[] Arguments { get; init; } = [];

    /// <summary>The catalogue's key of the message templates; null only for one made by a standard exception constructor.</summary>
    [Id(6)] public string? MessageKey { get; init; }

    /// <summary>The message in <paramref name="culture"/> (the catalogue falls back to English); one without a key has only its two.</summary>
    public string MessageIn(CultureInfo culture) =>
        MessageKey is null
            ? culture.Name.StartsWith("zh", StringComparison.Ordinal) ? MessageZh : MessageEn
            : Refusals.Format(MessageKey, culture, Arguments);
}

using System.Collections;
using System.Globalization;
using System.Resources;
using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>
/// The catalogue of refusals: one factory per refusal, naming its stable code, its <see cref="ProblemKind"/> and the
/// arguments of its message. The sentences live in Refusals.resx (English, neutral) and Refusals.zh-CN.resx, as
/// composite-format templates ({0}, {1}; <c>{n:status}</c> is a ticket status, named in the message's language).
/// Arguments are turned into text with the invariant culture when the refusal is made.
/// </summary>
public static partial class Refusals
{
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    private const string StatusPrefix = "TicketStatus.";

    private const string CaseStatusPrefix = "CaseStatus.";

    /// <summary>The keys of every message in the catalogue (not the ticket-status names its templates use).</summary>
    public static IReadOnlyList<string> MessageKeys { get; } = ReadKeys();

    /// <summary>The template of <paramref name="key"/> in <paramref name="culture"/>, falling back to English; null when there is none.</summary>
    public static string? Template(string key, CultureInfo culture) => T.ResourceManager.GetString(key, culture);

    /// <summary>The message of <paramref name="key"/> in <paramref name="culture"/> with its arguments filled in.</summary>
    public static string Format(string key, CultureInfo culture, IReadOnlyList<string> arguments)
    {
        var template = Template(key, culture) ?? throw new MissingManifestResourceException($"No refusal message {key}");
        return string.Format(new ArgumentFormatter(culture), template, [.. arguments]);
    }

    private static QueueRuleException Make(ProblemKind kind, string code, string key, params object?[] arguments) =>
        new(kind, code, key, [.. arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")]);

    private static string[] ReadKeys()
    {
        var set = T.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException("No refusal catalogue");
        return [.. set.Cast<DictionaryEntry>().Select(e => (string)e.Key).Where(k => !k.StartsWith(StatusPrefix, StringComparison.Ordinal) && !k.StartsWith(CaseStatusPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Fills <c>{n:status}</c> with the ticket status's name and <c>{n:case}</c> with the case status's name in the message's language; anything else as it is.</summary>
    private sealed class ArgumentFormatter(CultureInfo culture) : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;

        public string Format(string? format, object? arg, IFormatProvider? formatProvider)
        {
            var text = Convert.ToString(arg, CultureInfo.InvariantCulture) ?? "";
            return format switch
            {
                "status" => T.ResourceManager.GetString(StatusPrefix + text, culture) ?? text,
                "case" => T.ResourceManager.GetString(CaseStatusPrefix + text, culture) ?? text,
                _ => text,
            };
        }
    }
}

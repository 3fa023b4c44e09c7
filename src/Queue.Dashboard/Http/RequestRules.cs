using Queue.Contracts;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;

namespace Queue.Dashboard.Http;

/// <summary>Checks of route values and request bodies, each failing with a 400/404 in Chinese and English.</summary>
public static class RequestRules
{
    public static string HallId(string hallId) =>
        Identifiers.HallId().IsMatch(hallId)
            ? hallId
            : throw Refusals.HallNotFound(hallId);

    /// <summary>The hall's grain, once the hall is known to exist (configured).</summary>
    public static async Task<IHallGrain> ExistingHall(IGrainFactory grains, string hallId)
    {
        await HallConfig(grains, hallId);
        return grains.GetGrain<IHallGrain>(hallId);
    }

    /// <summary>The hall's configuration; 404 for a hall that is not configured.</summary>
    public static async Task<Contracts.Config.HallConfig> HallConfig(IGrainFactory grains, string hallId) =>
        await grains.GetGrain<IHallGrain>(HallId(hallId)).GetConfigAsync() ?? throw Refusals.HallNotFound(hallId);

    public static string ThemeCode(string themeCode) =>
        Identifiers.ThemeCode().IsMatch(themeCode)
            ? themeCode
            : throw Refusals.ThemeNotFound(themeCode);

    public static int WindowNo(int windowNo) =>
        windowNo is >= 1 and <= 9999
            ? windowNo
            : throw Refusals.WindowNotFound(windowNo);

    public static string TicketId(string ticketId) =>
        GrainKeys.TryParseTicketId(ticketId, out var hall, out var theme) && Identifiers.HallId().IsMatch(hall) &&
        Identifiers.ThemeCode().IsMatch(theme)
            ? ticketId
            : throw Refusals.TicketNotFound();

    /// <summary>A whole number in a query (<paramref name="fallback"/> when absent), refused in both languages when it is not one in range.</summary>
    public static long Number(string? value, string field, long min, long max, long fallback) =>
        string.IsNullOrEmpty(value) ? fallback
        : long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) &&
          number >= min && number <= max ? number
        : throw Refusals.InvalidNumber(field, min, max);

    /// <summary>true/false (or 1/0) in a query; false when absent.</summary>
    public static bool Flag(string? value, string field) => value switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw Refusals.InvalidFlag(field),
    };

    public static T Body<T>(T? body)
        where T : class =>
        body ?? throw Refusals.BodyRequired();

    public static TEnum Defined<TEnum>(TEnum? value, TEnum fallback, string field)
        where TEnum : struct, Enum
    {
        var result = value ?? fallback;
        return Enum.IsDefined(result)
            ? result
            : throw Refusals.InvalidValue(field, result.ToString());
    }

    /// <summary>A required text: trimmed, not empty, at most <paramref name="max"/> characters.</summary>
    public static string Text(string? value, string field, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw Refusals.Missing(field);
        }

        return OptionalText(text, field, max)!;
    }

    public static string? OptionalText(string? value, string field, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length > max || text.Any(char.IsControl)
            ? throw Refusals.InvalidText(field, max)
            : text;
    }
}

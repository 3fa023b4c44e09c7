using System.Text.RegularExpressions;

namespace Queue.Contracts;

/// <summary>The shapes of hall ids, theme codes, user names and device ids, shared by configuration checks and the API's route checks.</summary>
public static partial class Identifiers
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    public static partial Regex HallId();

    [GeneratedRegex("^[A-Z][A-Z0-9]{0,15}$")]
    public static partial Regex ThemeCode();

    /// <summary>A user name: 2–40 lowercase letters, digits, dots, underscores or hyphens, starting with a letter or digit.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,39}$")]
    public static partial Regex UserName();

    /// <summary>A device id: "k" (kiosk) or "b" (board) and 10 lowercase hex digits.</summary>
    [GeneratedRegex("^[kb][0-9a-f]{10}$")]
    public static partial Regex DeviceId();
}

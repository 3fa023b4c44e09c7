using System.Text.RegularExpressions;

namespace Queue.Contracts;

/// <summary>The shapes of hall ids and theme codes, shared by configuration checks and the API's route checks.</summary>
public static partial class Identifiers
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    public static partial Regex HallId();

    [GeneratedRegex("^[A-Z][A-Z0-9]{0,15}$")]
    public static partial Regex ThemeCode();
}

namespace Queue.Contracts;

/// <summary>How compound grain keys and ticket ids are formed and read back.</summary>
public static class GrainKeys
{
    public static string Theme(string hallId, string themeCode) => $"{hallId}/{themeCode}";

    public static string Window(string hallId, int windowNo) => $"{hallId}/{windowNo}";

    public static (string HallId, string Part) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? throw new ArgumentException($"Not a compound key: {key}", nameof(key)) : (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>
    /// A ticket id names its hall and the theme it was issued in, then 128 random bits:
    /// "binjiang.BDC.x3Jf…". The random part makes it unguessable; the prefix lets the ticket be found
    /// without a lookup table.
    /// </summary>
    public static string NewTicketId(string hallId, string themeCode) =>
        $"{hallId}.{themeCode}.{Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    public static bool TryParseTicketId(string ticketId, out string hallId, out string themeCode)
    {
        hallId = themeCode = "";
        var parts = ticketId.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length != 22)
        {
            return false;
        }

        hallId = parts[0];
        themeCode = parts[1];
        return true;
    }
}

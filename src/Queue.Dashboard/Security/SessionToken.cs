using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Queue.Dashboard.Security;

/// <summary>
/// A person's sign-in: <c>qs1.{payload}.{mac}</c>, the payload naming the account, its session epoch and the expiry,
/// signed with the installation's session key. Any web node checks one without a shared session store; moving the
/// account's epoch (sign out, new password, disabled) ends every token at once.
/// </summary>
public sealed record SessionToken(string UserName, int Epoch, DateTimeOffset ExpiresAt)
{
    public const string Prefix = "qs1.";

    public async Task<string> SignAsync(QueueKeys keys)
    {
        var payload = QueueKeys.Base64Url(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{UserName}|{Epoch}|{ExpiresAt.ToUnixTimeSeconds()}")));
        var mac = await keys.SessionMacAsync(Prefix + payload);
        return $"{Prefix}{payload}.{QueueKeys.Base64Url(mac)}";
    }

    /// <summary>The token's content when its signature is right (expiry and epoch are the caller's to check); else null.</summary>
    public static async Task<SessionToken?> ReadAsync(string token, QueueKeys keys)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] + "." != Prefix || !TryBase64Url(parts[1], out var payload) || !TryBase64Url(parts[2], out var mac))
        {
            return null;
        }

        var expected = await keys.SessionMacAsync(Prefix + parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(mac, expected))
        {
            return null;
        }

        var fields = Encoding.UTF8.GetString(payload).Split('|');
        return fields.Length == 3 &&
               int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) &&
               long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) &&
               expires is > 0 and < 253402300799
            ? new SessionToken(fields[0], epoch, DateTimeOffset.FromUnixTimeSeconds(expires))
            : null;
    }

    internal static bool TryBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length is 0 or > 512)
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}

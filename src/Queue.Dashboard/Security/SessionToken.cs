using System.Buffers.Text;
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
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{UserName}|{Epoch}|{ExpiresAt.ToUnixTimeSeconds()}")));
        var mac = await keys.SessionMacAsync(Prefix + payload);
        return $"{Prefix}{payload}.{Base64Url.EncodeToString(mac)}";
    }

    /// <summary>The token's content when its signature is right (expiry and epoch are the caller's to check); else null.</summary>
    public static async Task<SessionToken?> ReadAsync(string token, QueueKeys keys)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] + "." != Prefix || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var mac))
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

    private static bool TryDecode(string text, out byte[] bytes)
    {
        // IsValid first: TryDecodeFromChars is "try" about the buffer's size only and throws on a character outside base64url.
        bytes = text.Length is > 0 and <= 512 && Base64Url.IsValid(text) ? Base64Url.DecodeFromChars(text) : [];
        return bytes.Length > 0;
    }
}

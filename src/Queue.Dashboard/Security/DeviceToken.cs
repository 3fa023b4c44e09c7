using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Queue.Contracts;

namespace Queue.Dashboard.Security;

/// <summary>
/// A kiosk's or board's token: <c>qd1.{hall}.{device}.{secret}</c>. The hall and device say where to look it up; the
/// 256-bit secret is stored only as its SHA-256, so the device list never holds a usable token.
/// </summary>
public sealed record DeviceToken(string HallId, string DeviceId, string Secret)
{
    public const string Prefix = "qd1.";

    public override string ToString() => $"{Prefix}{HallId}.{DeviceId}.{Secret}";

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string secret) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static DeviceToken? Read(string token)
    {
        var parts = token.Split('.');
        return parts.Length == 4 && parts[0] + "." == Prefix && Identifiers.HallId().IsMatch(parts[1]) &&
               Identifiers.DeviceId().IsMatch(parts[2]) && parts[3].Length is >= 32 and <= 64
            ? new DeviceToken(parts[1], parts[2], parts[3])
            : null;
    }

    public bool Matches(string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(Secret)), Encoding.ASCII.GetBytes(secretHash));
}

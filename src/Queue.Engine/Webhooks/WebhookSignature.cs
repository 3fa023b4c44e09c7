using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Queue.Engine.Webhooks;

/// <summary>
/// The signature a delivery carries in <c>X-Queue-Signature: t={unix seconds},v1={hex HMAC-SHA256}</c>: the HMAC under the
/// endpoint's secret over <c>t + "." + body</c> (the body's UTF-8 bytes exactly as sent). A receiver recomputes it,
/// compares in constant time and refuses a timestamp too far from its clock (replay).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Queue-Signature";
    public const string EventIdHeader = "X-Queue-Event-Id";
    public const string EventTypeHeader = "X-Queue-Event-Type";

    public static string Sign(string secret, long timestamp, string body)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> under <paramref name="secret"/> within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        string? t = null, v1 = null;
        foreach (var part in (header ?? "").Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length == 2 && kv[0].Trim() == "t")
            {
                t = kv[1].Trim();
            }
            else if (kv.Length == 2 && kv[0].Trim() == "v1")
            {
                v1 = kv[1].Trim();
            }
        }

        if (t is null || v1 is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes($"t={t},v1={v1}"));
    }
}

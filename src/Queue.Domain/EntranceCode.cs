using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Queue.Domain;

/// <summary>
/// The hall entrance's rotating check-in code (TOTP-like, RFC 6238's shape): six digits from an HMAC-SHA256 over the
/// hall and the current 60-second step, under the installation's entrance key. The entrance display shows the current
/// step's code; a check-in is accepted with the current or the previous step's code, so a code scanned just before it
/// turns still works and a code photographed and sent home stops working within two minutes.
/// </summary>
public static class EntranceCode
{
    public const int StepSeconds = 60;
    public const int Digits = 6;
    private const int Modulus = 1_000_000;

    public static long StepOf(DateTimeOffset now) => now.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code the entrance shows at <paramref name="now"/>.</summary>
    public static string At(ReadOnlySpan<byte> key, string hallId, DateTimeOffset now) => ForStep(key, hallId, StepOf(now));

    /// <summary>When the code shown at <paramref name="now"/> is replaced by the next.</summary>
    public static DateTimeOffset NextChange(DateTimeOffset now) => DateTimeOffset.FromUnixTimeSeconds((StepOf(now) + 1) * StepSeconds);

    /// <summary>Whether <paramref name="code"/> is the current or the previous step's code (compared in constant time).</summary>
    public static bool Accepts(ReadOnlySpan<byte> key, string hallId, string? code, DateTimeOffset now)
    {
        if (code is null || code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var step = StepOf(now);
        var given = Encoding.ASCII.GetBytes(code);
        var current = CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(ForStep(key, hallId, step)));
        var previous = CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(ForStep(key, hallId, step - 1)));
        return current | previous;
    }

    public static string ForStep(ReadOnlySpan<byte> key, string hallId, long step)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(hallId + "\n" + step.ToString(CultureInfo.InvariantCulture)));
        // RFC 4226 dynamic truncation: 31 bits from the offset the last nibble names.
        var offset = mac[^1] & 0x0f;
        var value = BinaryPrimitives.ReadInt32BigEndian(mac.AsSpan(offset, 4)) & 0x7fffffff;
        return (value % Modulus).ToString("D6", CultureInfo.InvariantCulture);
    }
}

using System.Globalization;
using System.Security.Cryptography;

namespace Queue.Contracts.Booking;

/// <summary>
/// A booking id names its hall and its day, then 128 random bits ("binjiang.20261207.x3Jf…"): unguessable, and it finds
/// the grain that keeps that hall's day of bookings (key "binjiang/2026-12-07") without a lookup table.
/// </summary>
public static class BookingKeys
{
    public static string Day(string hallId, DateOnly date) => $"{hallId}/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static (string HallId, DateOnly Date) ParseDay(string key)
    {
        var (hallId, part) = GrainKeys.Split(key);
        return (hallId, DateOnly.ParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static string NewBookingId(string hallId, DateOnly date) =>
        $"{hallId}.{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    public static bool TryParseBookingId(string bookingId, out string hallId, out DateOnly date)
    {
        hallId = "";
        date = default;
        var parts = bookingId.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[2].Length != 22 ||
            !DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return false;
        }

        hallId = parts[0];
        return true;
    }
}

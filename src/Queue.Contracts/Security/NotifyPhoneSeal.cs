using System.Security.Cryptography;
using System.Text;

namespace Queue.Contracts.Security;

/// <summary>
/// Seals a citizen's phone number for notifications: AES-256-GCM under a key derived (HKDF-SHA256) from the
/// installation's <see cref="QueueSecrets.CitizenKey"/> with its own label, so it is not the hashing key itself; the
/// ticket id is the associated data, so a sealed number cannot be moved to another ticket. Text form:
/// <c>g1:</c> + base64(12-byte nonce ‖ ciphertext ‖ 16-byte tag).
/// </summary>
public static class NotifyPhoneSeal
{
    private const string Prefix = "g1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("queue/notify-phone/v1");

    public static byte[] DeriveKey(QueueSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(secrets.CitizenKey), 32, info: Label);
    }

    public static string Seal(byte[] key, string ticketId, string phone)
    {
        var plain = Encoding.UTF8.GetBytes(phone);
        var output = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes, plain.Length), output.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(ticketId));
        return Prefix + Convert.ToBase64String(output);
    }

    /// <summary>The phone, or null when the text is not a sealed number of this ticket under this key.</summary>
    public static string? Open(byte[] key, string ticketId, string? sealedPhone)
    {
        if (sealedPhone is null || !sealedPhone.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var data = Convert.FromBase64String(sealedPhone[Prefix.Length..]);
            if (data.Length <= NonceBytes + TagBytes)
            {
                return null;
            }

            var plain = new byte[data.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(data.AsSpan(0, NonceBytes), data.AsSpan(NonceBytes, plain.Length), data.AsSpan(NonceBytes + plain.Length), plain, Encoding.UTF8.GetBytes(ticketId));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }
}

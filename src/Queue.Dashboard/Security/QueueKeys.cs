using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Queue.Contracts.Grains;
using Queue.Contracts.Security;

namespace Queue.Dashboard.Security;

/// <summary>
/// The installation's keys on this web node, read once from <see cref="ISecretsGrain"/> (every node of a cluster
/// reads the same ones), and the MACs made with them.
/// </summary>
public sealed class QueueKeys(IGrainFactory grains)
{
    /// <summary>A ticket link's key: 128 bits of an HMAC-SHA256, base64url.</summary>
    private const int TicketKeyBytes = 16;

    private Task<Keys>? _keys;

    public async Task<string> TicketKeyAsync(string ticketId) => Base64Url.EncodeToString(Mac((await Current()).TicketLink, ticketId).AsSpan(0, TicketKeyBytes));

    public async Task<bool> IsTicketKeyAsync(string ticketId, string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(await TicketKeyAsync(ticketId));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(key));
    }

    public async Task<byte[]> SessionMacAsync(string payload) => Mac((await Current()).Session, payload);

    /// <summary>The stored form of an ID-card or phone number: "c1:" and the hex HMAC-SHA256 of its normalized text.</summary>
    public async Task<string> CitizenHashAsync(string normalized) => "c1:" + Convert.ToHexStringLower(Mac((await Current()).Citizen, normalized));

    /// <summary>A phone given for notifications, sealed for the ticket (<see cref="NotifyPhoneSeal"/>): only the silo's webhook sender opens it.</summary>
    public async Task<string> SealNotifyPhoneAsync(string ticketId, string phone) => NotifyPhoneSeal.Seal((await Current()).NotifyPhone, ticketId, phone);

    /// <summary>The hall entrance's check-in code now (<see cref="Domain.EntranceCode"/>).</summary>
    public async Task<string> EntranceCodeAsync(string hallId, DateTimeOffset now) => Domain.EntranceCode.At((await Current()).Entrance, hallId, now);

    /// <summary>Whether a scanned entrance code is the hall's current or previous one.</summary>
    public async Task<bool> IsEntranceCodeAsync(string hallId, string? code, DateTimeOffset now) =>
        Domain.EntranceCode.Accepts((await Current()).Entrance, hallId, code, now);

    /// <summary>The keys, read once; a failed read (the cluster not reachable yet) is tried again on the next call.</summary>
    private Task<Keys> Current()
    {
        var keys = _keys;
        if (keys is null || keys.IsFaulted || keys.IsCanceled)
        {
            _keys = keys = Read();
        }

        return keys;
    }

    private async Task<Keys> Read() => Keys.From(await grains.GetGrain<ISecretsGrain>(0).GetAsync());

    private static byte[] Mac(byte[] key, string text) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));

    private sealed record Keys(byte[] Session, byte[] TicketLink, byte[] Citizen, byte[] NotifyPhone, byte[] Entrance)
    {
        public static Keys From(QueueSecrets secrets) => new(
            Convert.FromBase64String(secrets.SessionKey), Convert.FromBase64String(secrets.TicketLinkKey), Convert.FromBase64String(secrets.CitizenKey),
            NotifyPhoneSeal.DeriveKey(secrets),
            Convert.FromBase64String(secrets.EntranceKey ?? throw new InvalidOperationException("The installation's secrets have no entrance key")));
    }
}

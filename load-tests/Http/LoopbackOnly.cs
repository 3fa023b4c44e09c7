using System.Net;

namespace Queue.LoadTests.Http;

/// <summary>Load is only ever aimed at this machine: 127.0.0.0/8 or "localhost".</summary>
public static class LoopbackOnly
{
    public static Uri Require(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var loopback = target.Host == "localhost"
            || (IPAddress.TryParse(target.Host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && IPAddress.IsLoopback(address));
        return loopback
            ? target
            : throw new ArgumentException($"Refusing to load {target}: only 127.0.0.0/8 (loopback) may be a load-test target.", nameof(target));
    }
}

using System.Net;
using System.Net.Sockets;

namespace Queue.LoadTests.Http;

/// <summary>A port free on 127.0.0.1 right now, for a listener bound explicitly to it.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

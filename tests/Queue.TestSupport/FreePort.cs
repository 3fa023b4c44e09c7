using System.Net;
using System.Net.Sockets;

namespace Queue.TestSupport;

/// <summary>
/// A port free on 127.0.0.1 right now, for a listener bound explicitly to it (never Orleans' defaults, which other
/// processes here hold), and never one this process handed out before: two asked for in a row (a silo's and its
/// gateway's) must differ. The load tool and the test projects share it (Queue.TestSupport).
/// </summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }
}

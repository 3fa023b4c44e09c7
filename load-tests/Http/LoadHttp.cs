using System.Net.Http.Headers;

namespace Queue.LoadTests.Http;

/// <summary>
/// The generator's HTTP client: one connection pool sized to the load, no cookies, no client-side timeout (iterations
/// carry their own), and, when given, a bearer token on every request (the product's signed-in administrator).
/// </summary>
public static class LoadHttp
{
    public static HttpClient Create(Uri baseAddress, int maxConnections, string? token = null)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, maxConnections),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseCookies = false,
            UseProxy = false,
        })
        {
            BaseAddress = LoopbackOnly.Require(baseAddress),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Queue.WebTests.Http;

namespace Queue.WebTests.Install;

/// <summary>
/// X-Forwarded-Proto is believed from the proxies in Queue:Security:KnownProxies and KnownNetworks only: then the
/// sign-in cookie is marked Secure, as it must be behind TLS; from anyone else the header changes nothing.
/// </summary>
[Collection(InstalledWebCollection.Name)]
public sealed class ForwardedHeadersTests(InstalledWebFactory factory)
{
    [Theory]
    [InlineData(InstalledWebFactory.KnownProxy, true)]
    [InlineData("10.9.200.1", true)] // inside KnownNetworks
    [InlineData("192.0.2.7", false)]
    public async Task HttpsForwardedByAKnownProxyMarksTheCookieSecure(string remoteAddress, bool secure)
    {
        var context = await factory.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/auth/login";
            http.Request.Headers["X-Forwarded-Proto"] = "https";
            http.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"userName":"admin","password":"{{factory.AdministratorPassword}}"}"""));
        });

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        var cookie = string.Join(";", context.Response.Headers.SetCookie.ToArray());
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}

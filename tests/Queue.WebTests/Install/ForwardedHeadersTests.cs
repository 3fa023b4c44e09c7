using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
            http.Request.Host = new HostString("localhost");
            http.Request.ContentType = "application/json";
            var body = Encoding.UTF8.GetBytes($$"""{"userName":"admin","password":"{{factory.AdministratorPassword}}"}""");
            http.Request.ContentLength = body.Length;
            http.Request.Body = new MemoryStream(body);
            http.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody()); // a hand-built request says it has none
        });

        Assert.True(context.Response.StatusCode == StatusCodes.Status200OK, await new StreamReader(context.Response.Body).ReadToEndAsync());
        var cookie = string.Join(";", context.Response.Headers.SetCookie.ToArray());
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}

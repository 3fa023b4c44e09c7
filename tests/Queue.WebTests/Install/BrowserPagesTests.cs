using System.Net;
using System.Net.Http.Headers;
using Queue.WebTests.Http;

namespace Queue.WebTests.Install;

/// <summary>A browser gets a page for an unknown address, an API client ProblemDetails; the favicon is there.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class BrowserPagesTests(QueueWebFactory factory)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/kiosk")]
    public async Task ABrowserGetsAChineseFirstPageWithALinkHome(string path)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd(BrowserAccept);

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("找不到这个页面", html, StringComparison.Ordinal);
        Assert.Contains("There is no page at this address", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("找不到", StringComparison.Ordinal) < html.IndexOf("There is no page", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/no-such-page", "application/json")]
    [InlineData("/no-such-page", null)]
    [InlineData("/api/no-such-thing", BrowserAccept)] // under /api even a browser gets JSON
    [InlineData("/hubs/nothing", BrowserAccept)]
    public async Task AnApiClientStillGetsProblemDetails(string path, string? accept)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"http-404\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/favicon.svg", "image/svg+xml")]
    [InlineData("/favicon.ico", "image/svg+xml")] // redirected to the svg
    public async Task TheFaviconIsServed(string path, string mediaType)
    {
        using var client = factory.CreateClient(); // follows redirects, as a browser does
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FaviconIcoRedirectsToTheSvgForAnyone()
    {
        using var client = factory.CreateAnonymousClient();
        using var response = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect, $"answered {(int)response.StatusCode}");
        Assert.Equal("/favicon.svg", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task EveryPageNamesTheFavicon()
    {
        using var client = factory.CreateAnonymousClient();
        foreach (var page in new[] { "/", "/login", "/admin", "/kiosk/binjiang", "/board/binjiang", "/t/binjiang.BDC.AAAAAAAAAAAAAAAAAAAAAA" })
        {
            var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
            Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\"", html, StringComparison.Ordinal);
        }
    }
}

using Queue.WebTests.Http;

namespace Queue.WebTests.Security;

/// <summary>The pages may not be framed or load another site's code, and no answer leaks its address (with a key in it) as a Referer.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class PageHeadersTests(QueueWebFactory factory)
{
    [Theory]
    [InlineData("/window/binjiang/1")]
    [InlineData("/t/binjiang.BDC.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/login")]
    public async Task APageForbidsFramingAndForeignCodeAndSendsNoReferrer(string page)
    {
        using var anonymous = factory.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(new Uri(page, UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task AnApiAnswerAlsoSendsNoReferrerAndNoSniffing()
    {
        using var anonymous = factory.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(new Uri("/api/halls", UriKind.Relative));

        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
    }
}

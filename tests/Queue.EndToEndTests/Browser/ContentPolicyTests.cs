using Microsoft.Playwright;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// Every page lives within its Content-Security-Policy (own scripts, styles and hub only, no inline code): the
/// browser reports no violation while the page loads, connects and draws.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentPolicyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/kiosk/binjiang", Visitor.Kiosk)]
    [InlineData("/board/binjiang", Visitor.Board)]
    [InlineData("/led/binjiang/1", Visitor.Board)]
    [InlineData("/screen/binjiang", Visitor.Board)]
    [InlineData("/window/binjiang/2", Visitor.Administrator)]
    [InlineData("/manager/binjiang", Visitor.Administrator)]
    [InlineData("/config/binjiang", Visitor.Administrator)]
    [InlineData("/admin", Visitor.Administrator)]
    [InlineData("/login", Visitor.Nobody)]
    [InlineData("ticket", Visitor.Nobody)]
    public async Task APageRunsWithoutBreakingItsContentSecurityPolicy(string path, Visitor visitor)
    {
        if (path == "ticket")
        {
            path = (await fixture.Api.IssueAsync("SW")).Link;
        }

        var page = await fixture.NewPageAsync(1280, 900, visitor: visitor);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 15_000 });

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }
}

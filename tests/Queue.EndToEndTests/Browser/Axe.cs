using Microsoft.Playwright;

namespace Queue.EndToEndTests.Browser;

/// <summary>
/// Deque's axe-core (vendored from npm in Axe/, see its README) run inside a page. The pages' content policy refuses
/// inline scripts, so axe is not added as a script tag but evaluated through the DevTools protocol, which the policy does
/// not govern. The rules are WCAG 2.0 and 2.1, levels A and AA (colour contrast among them).
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Axe", "axe.min.js")));

    /// <summary>Each violation as "rule: element: what is wrong" (axe's own words), for a readable failure.</summary>
    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return result.violations.flatMap((v) => v.nodes.map((n) =>
            `${v.id}: ${n.target.join(' ')}: ${((n.any[0] || n.all[0] || n.none[0] || {}).message || n.failureSummary || '').slice(0, 240)}`));
        }
        """;

    public static async Task<string[]> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value + "\n;0");
        }

        return await page.EvaluateAsync<string[]>(Run);
    }
}

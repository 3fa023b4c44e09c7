using Queue.Dashboard.Charts;

namespace Queue.WebTests.Analytics;

/// <summary>Chinese text in the SVG charts comes out as the characters that were drawn.</summary>
public sealed class SvgTextTests
{
    [Fact]
    public void KangxiRadicalsBecomeTheirIdeographsAndFullWidthPunctuationStays()
    {
        Assert.Equal("<text>等候人数（小时）</text>", SvgText.Restore("<text>等候\u2F08数（\u2F29时）</text>"));
    }
}

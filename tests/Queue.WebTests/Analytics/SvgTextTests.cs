using Queue.Contracts.Analytics;
using Queue.Contracts.Model;
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

    [Fact]
    public void TheDoorRadicalBecomesTheSimplifiedHuThatNotoSansCjkScDrawsWithItsGlyph()
    {
        Assert.Equal("<text>户籍</text>", SvgText.Restore("<text>\u2F3E籍</text>"));
    }

    [Theory]
    [InlineData("\u2ED4", "门")]
    [InlineData("\u2EC5", "见")]
    [InlineData("\u2ED3", "长")]
    [InlineData("\u2EE9", "黄")]
    [InlineData("\u2ED8", "青")]
    [InlineData("\u2F12", "力")]
    [InlineData("\u2FA7", "長")]
    public void ARadicalBecomesTheIdeographThatSharesItsGlyphInTheChartFont(string radical, string ideograph)
    {
        Assert.Equal($"<text>部{ideograph}</text>", SvgText.Restore($"<text>部{radical}</text>"));
    }

    [Fact]
    public void TheSatisfactionAxisStopsAtAHundredPercent()
    {
        var full = new QualityRow("HJ", 0, 10, 10, 0, 10, 5.0, 1.0, 600);
        var report = new QualityReport("binjiang", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6), [full], [], full);
        var hall = TestHalls.Small("binjiang", ["HJ", "BDC"], WindowProfile.Dedicated("HJ"));

        var plot = SatisfactionChart.Create(report, hall, new ChartStyle(Dark: false, English: false));

        var limits = plot.Axes.GetLimits();
        Assert.Equal((0, SatisfactionChart.MaxPercent), (limits.Bottom, limits.Top));
        Assert.True(limits.Top <= 100);
    }
}

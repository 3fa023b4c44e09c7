using System.Collections.Frozen;
using System.Text;

namespace Queue.Dashboard.Charts;

/// <summary>
/// Skia's SVG writer turns glyphs back into characters through the font's character map, and Noto Sans CJK SC maps
/// some ideographs' glyphs to radicals first: 人 comes out as ⼈ (U+2F08), 户 as ⼾ (U+2F3E), 门 as ⻔ (U+2ED4). They look
/// alike but a search, a screen reader or a copy sees other characters. Each radical is put back as the ideograph that
/// shares its glyph in Noto Sans CJK SC (<see cref="ChartStyle.Font"/>): a Kangxi radical as its unified ideograph (its
/// NFKC form), except ⼾, whose NFKC form is the traditional 戶 while the SC glyph is 户; a CJK radicals supplement
/// form (which has no NFKC form) through the table below, read from the font's character map. Nothing else is touched,
/// so full-width punctuation stays.
/// </summary>
public static class SvgText
{
    private const char FirstRadical = '\u2E80';
    private const char LastRadical = '\u2FD5';

    /// <summary>Pairs: the radical, then the ideograph drawn with the same glyph in Noto Sans CJK SC.</summary>
    private const string SharedGlyphs = "⼾户⺂乛⺃乚⺅亻⺉刂⺋㔾⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺭礻⺯糹⺰纟⺱罓⺳㓁⺹耂⺺肀⺾艹⺿艹⻀艹⻂衤⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟";

    private static readonly FrozenDictionary<char, char> Ideographs = Enumerable.Range(0, SharedGlyphs.Length / 2)
        .ToFrozenDictionary(i => SharedGlyphs[2 * i], i => SharedGlyphs[(2 * i) + 1]);

    public static string Restore(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        if (!svg.Any(c => c is >= FirstRadical and <= LastRadical))
        {
            return svg;
        }

        var text = new StringBuilder(svg.Length);
        foreach (var c in svg)
        {
            text.Append(Ideograph(c));
        }

        return text.ToString();
    }

    /// <summary>The ideograph a radical stands for; any other character as it is.</summary>
    public static string Ideograph(char c) =>
        Ideographs.TryGetValue(c, out var ideograph) ? ideograph.ToString()
        : c is >= '\u2F00' and <= LastRadical ? c.ToString().Normalize(NormalizationForm.FormKC)
        : c.ToString();
}

using System.Text;

namespace Queue.Dashboard.Charts;

/// <summary>
/// Skia's SVG writer turns glyphs back into characters through the font's character map, and Noto Sans CJK maps some
/// ideographs' glyphs to the Kangxi radicals first: 人 comes out as ⼈ (U+2F08), 小 as ⼩. They look alike but a search,
/// a screen reader or a copy sees other characters. Each Kangxi radical is put back as its unified ideograph (its NFKC
/// form); nothing else is touched, so full-width punctuation stays.
/// </summary>
public static class SvgText
{
    private const char FirstRadical = '\u2F00';
    private const char LastRadical = '\u2FD5';

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
            text.Append(c is >= FirstRadical and <= LastRadical ? c.ToString().Normalize(NormalizationForm.FormKC) : c);
        }

        return text.ToString();
    }
}

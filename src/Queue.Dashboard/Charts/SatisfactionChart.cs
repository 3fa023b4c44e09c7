using System.Globalization;
using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>满意率 per theme over a range: the share of ratings 4 or 5, one bar per theme with its percentage written on it.</summary>
public static class SatisfactionChart
{
    public const double MaxPercent = 100;

    public static Plot Create(QualityReport report, HallConfig hall, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(style);
        var plot = style.Create(style.T(
            $"各业务满意率 {report.From:MM-dd}–{report.To:MM-dd}", $"Satisfaction by theme {report.From:MM-dd}–{report.To:MM-dd}"));
        var themes = hall.Themes.ToList();
        var bars = themes.Select((t, i) =>
        {
            var row = report.ByTheme.FirstOrDefault(r => r.Theme == t.Code);
            return new Bar { Position = i, Value = row is null ? 0 : row.SatisfiedShare * 100, FillColor = style.Accent, Label = Percent(row), LabelOnTop = true };
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.ForeColor = style.Ink;
        series.ValueLabelStyle.FontSize = style.ValueSize + 1;
        plot.Axes.Bottom.SetTicks([.. themes.Select((_, i) => (double)i)], [.. themes.Select(t => style.English ? WrapWords(t.NameEn) : Wrap(t.Name))]);
        // A share runs from 0 to 100%: the axis stops there (a label over a full bar is drawn last, above the frame's edge).
        plot.Axes.SetLimits(-0.6, themes.Count - 0.4, 0, MaxPercent);
        plot.YLabel(style.T("满意率（%）", "satisfied (%)"));
        return plot;
    }

    private const int EnglishLine = 12;

    /// <summary>A long name on two lines, so neighbouring labels never overlap.</summary>
    private static string Wrap(string name) => name.Length <= 5 ? name : name[..((name.Length + 1) / 2)] + "\n" + name[((name.Length + 1) / 2)..];

    /// <summary>An English name broken at spaces into lines of about <see cref="EnglishLine"/> characters (a word is never cut).</summary>
    private static string WrapWords(string name)
    {
        var lines = new List<string>();
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines.Count > 0 && lines[^1].Length + 1 + word.Length <= EnglishLine)
            {
                lines[^1] += " " + word;
            }
            else
            {
                lines.Add(word);
            }
        }

        return string.Join("\n", lines);
    }

    private static string Percent(QualityRow? row) =>
        row is null || row.Rated == 0 ? "—" : (row.SatisfiedShare * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

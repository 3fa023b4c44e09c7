using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>
/// How a chart looks: light (manager pages, exports) or the big screen's (<see cref="Dark"/>: dark, in the screen's
/// panel colours, with type large enough to read from 5 m at 1080p; the screen asks for its charts at 1080p's scale and
/// stretches the SVG, so the type grows with a 4K wall), Chinese or English labels, always drawn in Noto Sans CJK SC
/// (STACK.md: font detection would pick the JP variant, and default fonts draw Chinese as boxes).
/// </summary>
public sealed record ChartStyle(bool Dark, bool English)
{
    public const string Font = "Noto Sans CJK SC";

    public Color Ink => Dark ? Color.FromHex("#e2e8f0") : Color.FromHex("#1f2328");

    public Color Accent => Dark ? Color.FromHex("#fde047") : Color.FromHex("#0b4ea2");

    /// <summary>The chart's title.</summary>
    public float TitleSize => Dark ? 28 : 22;

    /// <summary>Tick labels (hours, themes, counts).</summary>
    public float TickSize => Dark ? 22 : 15;

    /// <summary>Axis labels and the colour bar's label.</summary>
    public float LabelSize => Dark ? 22 : 16;

    /// <summary>Values written in heatmap cells and on bars, and the "no data yet" note.</summary>
    public float ValueSize => Dark ? 22 : 14;

    public string T(string zh, string en) => English ? en : zh;

    /// <summary>
    /// A title about one day: with its date on the manager's pages; without it on the big screen, which shows today and
    /// has no room to spare.
    /// </summary>
    public string DayTitle(DateOnly date, string zh, string en) =>
        Dark ? T(zh, char.ToUpperInvariant(en[0]) + en[1..]) : $"{date:yyyy-MM-dd} {T(zh, en)}";

    /// <summary>
    /// The hour ticks' labels: light charts name each hour ("9:00") up to ten hours, else every other one; the big
    /// screen's large type writes the bare hour ("9"), every hour up to eight, every other up to sixteen, else every
    /// third, so the labels never run into each other however long the day's data runs.
    /// </summary>
    public IReadOnlyList<string> HourLabels(IReadOnlyList<int> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var step = Dark ? (hours.Count <= 8 ? 1 : hours.Count <= 16 ? 2 : 3) : (hours.Count <= 10 ? 1 : 2);
        return [.. hours.Select(h => h % step != 0 ? "" : Dark ? $"{h}" : $"{h}:00")];
    }

    public Plot Create(string title)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.ForeColor = Ink;
        if (Dark)
        {
            plot.FigureBackground.Color = Color.FromHex("#0f1a33");
            plot.DataBackground.Color = Color.FromHex("#13213f");
            plot.Grid.MajorLineColor = Color.FromHex("#2a3a5e");
        }

        plot.Axes.Color(Ink);
        // Room on the right for the last hour's label, half of which lies past the data area.
        plot.Axes.Right.MinimumSize = Dark ? 36 : 24;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontSize = TickSize;
            axis.Label.FontSize = LabelSize;
        }

        return plot;
    }
}

using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>
/// How a chart looks: light (manager pages, exports) or dark (the big screen), Chinese or English labels, always drawn in
/// Noto Sans CJK SC (STACK.md: font detection would pick the JP variant, and default fonts draw Chinese as boxes).
/// </summary>
public sealed record ChartStyle(bool Dark, bool English)
{
    public const string Font = "Noto Sans CJK SC";

    public Color Ink => Dark ? Color.FromHex("#e2e8f0") : Color.FromHex("#1f2328");

    public Color Accent => Dark ? Color.FromHex("#fde047") : Color.FromHex("#0b4ea2");

    public string T(string zh, string en) => English ? en : zh;

    public Plot Create(string title)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title, 22);
        plot.Axes.Title.Label.ForeColor = Ink;
        if (Dark)
        {
            plot.FigureBackground.Color = Color.FromHex("#0f172a");
            plot.DataBackground.Color = Color.FromHex("#111a33");
            plot.Grid.MajorLineColor = Color.FromHex("#1f2a44");
        }

        plot.Axes.Color(Ink);
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontSize = 15;
            axis.Label.FontSize = 16;
        }

        return plot;
    }
}

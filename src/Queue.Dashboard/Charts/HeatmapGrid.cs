using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>
/// The heatmaps' common drawing: a rows × columns grid with row 0 at the top (ScottPlot draws row 0 at the top of the
/// heatmap's rectangle, so row i sits at y = rows − 1 − i), labelled rows and columns, a colour bar, and each cell's value
/// written in it when the grid is small enough to read. NaN cells (no data) stay empty.
/// </summary>
public static class HeatmapGrid
{
    private static void SetAxes(Plot plot, IReadOnlyList<string> rows, IReadOnlyList<string> columns)
    {
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i))], [.. rows]);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, columns.Count).Select(i => (double)i)], [.. columns]);
        plot.Axes.SetLimits(-0.5, columns.Count - 0.5, -0.5, rows.Count - 0.5);
        plot.HideGrid();
    }

    public static void Draw(
        Plot plot, ChartStyle style, double[,] values, IReadOnlyList<string> rows, IReadOnlyList<string> columns, string unit, bool writeValues, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(values);
        SetAxes(plot, rows, columns);
        // Many rows share the height: their labels get smaller (down to 14 px) rather than overlap.
        plot.Axes.Left.TickLabelStyle.FontSize = Math.Max(14, Math.Min(style.TickSize, style.TickSize * 10 / Math.Max(1, rows.Count)));
        if (values.Cast<double>().All(double.IsNaN))
        {
            // ScottPlot cannot scale colours without a single value: say so instead of drawing an empty map.
            var empty = plot.Add.Text(style.T("暂无数据", "No data yet"), (columns.Count - 1) / 2.0, (rows.Count - 1) / 2.0);
            empty.LabelFontSize = style.ValueSize + 8;
            empty.LabelFontColor = style.Ink;
            empty.LabelAlignment = Alignment.MiddleCenter;
            return;
        }

        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated(
            [Color.FromHex("#dcfce7"), Color.FromHex("#86efac"), Color.FromHex("#fde047"), Color.FromHex("#fb923c"), Color.FromHex("#dc2626")]);
        if (max is { } top)
        {
            heatmap.ManualRange = new ScottPlot.Range(0, top);
        }

        heatmap.Rectangle = new CoordinateRect(-0.5, columns.Count - 0.5, -0.5, rows.Count - 0.5);
        heatmap.NaNCellColor = style.Dark ? Color.FromHex("#111a33") : Color.FromHex("#f3f4f6");
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = unit;
        bar.LabelStyle.ForeColor = style.Ink;
        bar.LabelStyle.FontSize = style.LabelSize - 1;
        bar.Axis.TickLabelStyle.ForeColor = style.Ink;
        bar.Axis.TickLabelStyle.FontSize = style.TickSize - 1;

        // The big screen's large figures fit a cell only when the day has few columns.
        if (!writeValues || (style.Dark && columns.Count > 10))
        {
            return;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (double.IsNaN(values[r, c]))
                {
                    continue;
                }

                var text = plot.Add.Text(values[r, c].ToString("0", System.Globalization.CultureInfo.InvariantCulture), c, rows.Count - 1 - r);
                text.LabelFontSize = style.ValueSize;
                text.LabelFontColor = Colors.Black;
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        }
    }
}

using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>A chart as SVG for pages (the browser draws the text with its own CJK fonts) or PNG for export.</summary>
public static class ChartOutput
{
    public static IResult Render(Plot plot, string format, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return format switch
        {
            "svg" => TypedResults.Text(SvgText.Restore(plot.GetSvgXml(width, height)), "image/svg+xml; charset=utf-8"),
            _ => TypedResults.File(plot.GetImageBytes(width, height, ImageFormat.Png), "image/png"),
        };
    }
}

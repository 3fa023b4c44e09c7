using System.Globalization;
using Queue.Contracts.Model;
using Queue.Dashboard.Charts;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Simulation;

namespace Queue.Dashboard.Api;

/// <summary>
/// POST /api/halls/{hallId}/simulations/heatmap: a what-if run's mean wait by theme × hour for one policy, drawn by
/// ScottPlot as SVG (query <c>lang=en</c>, <c>w</c> and <c>h</c> in pixels, as the other charts). The body carries the
/// cells the simulation answered (<see cref="ThemeHourFigures"/>), so a run is drawn without being run again or kept
/// on the server; <see cref="SimulationHeatmapRequest.ScaleMax"/> fixes the colour scale (the page gives every policy
/// of a run the same).
/// </summary>
public static class SimulationChartEndpoints
{
    public const int MaxWaitMinutes = 24 * 60;

    public static IEndpointRouteBuilder MapSimulationChartEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/halls/{hallId}/simulations/heatmap", Heatmap).WithTags("Simulation").RequireHall(Permission.Manage)
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .ProducesAccessRefusals().ProducesBodyRefusals().ProducesRefusals(404, 422)
            .WithSummary("推演热力图：某策略各业务每小时平均等待（SVG）/ A what-if run's mean wait by theme × hour for one policy, as SVG");
        return routes;
    }

    private static async Task<IResult> Heatmap(string hallId, SimulationHeatmapRequest? request, HttpRequest http, IGrainFactory grains)
    {
        var body = RequestRules.Body(request);
        var hall = await RequestRules.HallConfig(grains, hallId);
        var query = http.Query;
        var style = new ChartStyle(Dark: false, English: query["lang"] == "en");
        var (width, height) = (Size(query["w"], 1000), Size(query["h"], 460));
        var date = string.IsNullOrWhiteSpace(body.Date) ? (DateOnly?)null : AnalyticsQuery.RequiredDate(body.Date);
        var policy = string.IsNullOrWhiteSpace(body.Policy) ? throw Refusals.Missing("policy")
            : Enum.TryParse<SimulationPolicy>(body.Policy, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(body.Policy, out _)
                ? parsed.ToString() : throw Refusals.InvalidValue("policy", body.Policy);
        var scale = body.ScaleMax ?? 45;
        if (!double.IsFinite(scale) || scale is < 1 or > MaxWaitMinutes)
        {
            throw Refusals.SimulationOutOfRange("scaleMax", 1, MaxWaitMinutes);
        }

        var cells = body.Cells ?? throw Refusals.Missing("cells");
        if (cells.Length > hall.Themes.Length * 24)
        {
            throw Refusals.SimulationOutOfRange("cells", 0, hall.Themes.Length * 24);
        }

        var waits = new Dictionary<(string, int), double>();
        foreach (var cell in cells)
        {
            var theme = cell?.Theme is { } code && hall.FindTheme(code) is not null ? code : throw Refusals.SimulationThemeNotFound(cell?.Theme ?? "null");
            if (cell.Hour is < 0 or > 23)
            {
                throw Refusals.SimulationOutOfRange("hour", 0, 23);
            }

            if (cell.MeanWaitMinutes is { } wait)
            {
                waits[(theme, cell.Hour)] = double.IsFinite(wait) && wait is >= 0 and <= MaxWaitMinutes ? wait
                    : throw Refusals.SimulationOutOfRange("meanWaitMinutes", 0, MaxWaitMinutes);
            }
        }

        return ChartOutput.Render(SimulationWaitHeatmap.Create(hall, date, policy, waits, scale, style), "svg", width, height);
    }

    private static int Size(string? value, int fallback) =>
        string.IsNullOrEmpty(value) ? fallback
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pixels) && pixels is >= 200 and <= 3000 ? pixels
        : throw Refusals.InvalidSize();
}

/// <summary>The body of POST /api/halls/{hallId}/simulations/heatmap: one policy's cells as the simulation answered them.</summary>
public sealed record SimulationHeatmapRequest(string? Date, string? Policy, double? ScaleMax, SimulationHeatmapCell?[]? Cells);

/// <summary>A theme × hour cell: the mean wait in minutes (null or absent: no one called, drawn empty).</summary>
public sealed record SimulationHeatmapCell(string? Theme, int Hour, double? MeanWaitMinutes);

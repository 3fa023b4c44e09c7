using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Config;

namespace Queue.Domain;

/// <summary>
/// The demo hall (滨江区市民之家) that a single node configures on first start, shipped as a resource beside this
/// class. Plain data: the silo seeds it, the web host names it in the first-start links, the simulator can run it.
/// </summary>
public static class DemoHall
{
    private const string Resource = "Queue.Domain.DemoHall.json";

    /// <summary>
    /// The demo's generated history (<see cref="Analytics.HistoryGenerator"/>): citizens a theme brings on an average day,
    /// before the weekday factor (Monday ×1.30 … Friday ×0.85); a theme not listed brings <see cref="OtherArrivalsPerDay"/>.
    /// 423 a day, about 550 on an average Monday: at the themes' expected minutes about 110 of the hall's 170
    /// window-hours, so that the tidal plan and pooling have work to do and a staffing that serves it exists.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, double> ArrivalsPerDay = new Dictionary<string, double>
    {
        ["BDC"] = 80, ["QYKB"] = 40, ["SW"] = 64, ["SBYB"] = 72, ["GJJ"] = 50, ["XSE"] = 18, ["HJ"] = 54, ["CRJ"] = 45,
    };

    public const double OtherArrivalsPerDay = 36;

    public static HallConfig Load()
    {
        using var stream = typeof(DemoHall).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing resource {Resource}");
        return JsonSerializer.Deserialize<HallConfig>(stream, QueueJson.Options) ?? throw new InvalidDataException("empty demo hall");
    }
}

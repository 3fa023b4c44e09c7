using System.ComponentModel.DataAnnotations;
using Queue.Domain;

namespace Queue.Engine.TimeSeries;

/// <summary>The time series settings, section <c>Queue:TimeSeries</c> (e.g. <c>Queue__TimeSeries__Store=Influx</c>).</summary>
public sealed class TimeSeriesOptions
{
    public const string Section = "Queue:TimeSeries";

    /// <summary>Run the relay from the hall journal to the store.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSeriesStoreKind Store { get; set; } = TimeSeriesStoreKind.Embedded;

    /// <summary>The embedded store's SQLite file; by default <c>timeseries.db</c> beside the grain state file.</summary>
    public string? EmbeddedPath { get; set; }

    [Required]
    public string InfluxUrl { get; set; } = "http://127.0.0.1:8086";

    [Required]
    public string Database { get; set; } = "queue";

    /// <summary>A request to InfluxDB that takes longer has failed (and is retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Events per write.</summary>
    [Range(1, 50_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>How often the relay looks for new events when it has caught up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The first wait after a failure; it doubles on each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On first start, write synthetic history for the demo hall (only when the demo hall is seeded).</summary>
    public bool SeedHistory { get; set; } = true;

    [Range(0, 104)]
    public int HistoryWeeks { get; set; } = 8;

    public int HistorySeed { get; set; } = 20_240_601;

    /// <summary>
    /// The demo's history is simulated (<see cref="SimulatedHistory"/>: each past day run by the hall-day simulator under
    /// the hall's windows with Queue's routing), the default; false draws each wait at random instead
    /// (<see cref="SyntheticHistory"/>, quicker, no queue dynamics).
    /// </summary>
    public bool SimulateHistory { get; set; } = true;

    /// <summary>The history's arrivals as a share of <see cref="DemoHall.ArrivalsPerDay"/> (1: about 110 of the demo hall's 170 window-hours on a Monday).</summary>
    [Range(0.05, 2)]
    public double HistoryVolume { get; set; } = 1;
}

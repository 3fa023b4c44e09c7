namespace Queue.Engine.TimeSeries;

/// <summary>Which time-series store the relay feeds (<c>Queue:TimeSeries:Store</c>).</summary>
public enum TimeSeriesStoreKind
{
    /// <summary>SQLite next to the grain state: nothing to install (the single-node default).</summary>
    Embedded = 0,

    /// <summary>InfluxDB at <see cref="TimeSeriesOptions.InfluxUrl"/> (the cluster topology).</summary>
    Influx = 1,
}

namespace Queue.Engine.TimeSeries;

/// <summary>
/// Where a point came from, kept as the <c>source</c> tag (InfluxDB) or column (SQLite). Live events come from the
/// hall journal; synthetic ones from <see cref="SyntheticHistorySeeder"/>, so demo history can be told apart and
/// dropped (<c>DROP SERIES WHERE source = 'synthetic'</c>).
/// </summary>
public static class TimeSeriesSource
{
    public const string Live = "live";

    public const string Synthetic = "synthetic";
}

using HdrHistogram;

namespace Queue.LoadTests.Engine;

/// <summary>Latency summary in milliseconds (zeros when nothing was recorded).</summary>
public sealed record Percentiles(double Mean, double P50, double P75, double P95, double P99, double Max)
{
    public static Percentiles None { get; } = new(0, 0, 0, 0, 0, 0);

    public static Percentiles Of(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return None;
        }

        return new Percentiles(
            histogram.GetMean() / 1000,
            Ms(histogram.GetValueAtPercentile(50)),
            Ms(histogram.GetValueAtPercentile(75)),
            Ms(histogram.GetValueAtPercentile(95)),
            Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetMaxValue()));
    }

    private static double Ms(long micros) => micros / 1000.0;
}

namespace Queue.LoadTests.Engine;

/// <summary>
/// One row of a report: counts, rates (all requests and ok ones per second of measured load) and latency in ms
/// of the ok answers and of the failed ones.
/// </summary>
public sealed record StepReport(
    string Name,
    long Ok,
    long Fail,
    double Rps,
    double OkRps,
    Percentiles Latency,
    Percentiles FailLatency,
    IReadOnlyDictionary<string, long> Failures)
{
    public long Requests => Ok + Fail;
}

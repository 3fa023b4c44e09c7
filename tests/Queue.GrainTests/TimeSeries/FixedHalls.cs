using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;

namespace Queue.GrainTests.TimeSeries;

/// <summary>A fixed hall list, for a relay run without a cluster.</summary>
public sealed class FixedHalls(params string[] halls) : IHallListing
{
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<string>>(halls);
}

using Queue.Contracts.Grains;

namespace Queue.Engine.TimeSeries;

/// <summary>The halls of <see cref="IHallDirectoryGrain"/>: one cheap read-only grain call per relay pass, never per event.</summary>
public sealed class DirectoryHallListing(IGrainFactory grains) : IHallListing
{
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) =>
        grains.GetGrain<IHallDirectoryGrain>(0).ListAsync();
}

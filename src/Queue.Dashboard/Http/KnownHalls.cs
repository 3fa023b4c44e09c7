using Queue.Contracts.Grains;

namespace Queue.Dashboard.Http;

/// <summary>
/// The configured halls as this web node last read them from the hall directory, read again whenever a hall is asked
/// for that is not in it. Public paths (a phone's ticket, a hall's configuration, a device token) ask here first, so
/// a made-up hall id costs one call to the one directory grain, never an activation and a store read of its own.
/// </summary>
public sealed class KnownHalls(IGrainFactory grains)
{
    private volatile HashSet<string> _halls = [];

    public async Task<bool> ContainsAsync(string hallId)
    {
        var halls = _halls;
        if (!halls.Contains(hallId))
        {
            _halls = halls = [.. await grains.GetGrain<IHallDirectoryGrain>(0).ListAsync()];
        }

        return halls.Contains(hallId);
    }

    /// <summary>The hall id, if such a hall is configured; else 404.</summary>
    public async Task<string> RequireAsync(string hallId) =>
        await ContainsAsync(RequestRules.HallId(hallId)) ? hallId : throw Contracts.Model.Refusals.HallNotFound(hallId);
}

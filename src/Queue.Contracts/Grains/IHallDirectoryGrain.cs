using Orleans.Concurrency;

namespace Queue.Contracts.Grains;

/// <summary>The list of configured halls (key: 0). Read on configuration and day-close paths only, never per ticket.</summary>
[Alias("Queue.IHallDirectoryGrain")]
public interface IHallDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<string>> ListAsync();

    [Alias("Register")]
    Task RegisterAsync(string hallId);
}

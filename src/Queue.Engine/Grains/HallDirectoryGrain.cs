using Queue.Contracts.Grains;
using Queue.Engine.Persistence;

namespace Queue.Engine.Grains;

[GenerateSerializer]
public sealed class HallDirectoryState : EventSourcedState
{
    [Id(0)] public SortedSet<string> Halls { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The configured halls, for the day-close service and the hall list. Not on any ticket's path.</summary>
public sealed class HallDirectoryGrain(
    [PersistentState("directory", QueueGrainStorage.ProviderName)] IPersistentState<HallDirectoryState> state)
    : QueueGrain<HallDirectoryState>(state), IHallDirectoryGrain
{
    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. State.Halls]);

    public async Task RegisterAsync(string hallId)
    {
        if (State.Halls.Add(hallId))
        {
            await SaveAsync();
        }
    }
}

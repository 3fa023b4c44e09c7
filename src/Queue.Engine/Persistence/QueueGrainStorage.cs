using System.Globalization;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Queue.Engine.Persistence;

/// <summary>
/// Orleans grain storage over <see cref="IStateStore"/>: the payload is the state in Orleans' own binary
/// format (version tolerant through [Id]s), the etag is the row version, and a state that is an
/// <see cref="IHallEventSource"/> has its pending events committed in the same transaction.
/// </summary>
public sealed class QueueGrainStorage(IStateStore store, Serializer serializer) : IGrainStorage
{
    public const string ProviderName = "queue";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await store.ReadAsync(GrainType(stateName, grainId), grainId.Key.ToString()!);
        if (stored is null)
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }

        grainState.State = serializer.Deserialize<T>(stored.Payload);
        grainState.ETag = stored.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var source = grainState.State as IHallEventSource;
        var events = source?.PendingEvents.ToList() ?? [];
        var payload = serializer.SerializeToArray(grainState.State);
        long? expected = grainState.ETag is null ? null : long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        try
        {
            var (version, committed) = await store.WriteAsync(GrainType(stateName, grainId), grainId.Key.ToString()!, expected, payload, events);
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
            if (source is not null)
            {
                // Only what this write took: a reentrant grain may have queued more events for its next write meanwhile.
                source.PendingEvents.RemoveRange(0, events.Count);
                source.CommittedEvents.AddRange(committed);
            }
        }
        catch (StoreConflictException conflict)
        {
            throw new InconsistentStateException(conflict.Message, grainState.ETag ?? "none", "unknown");
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        long? expected = grainState.ETag is null ? null : long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        try
        {
            await store.ClearAsync(GrainType(stateName, grainId), grainId.Key.ToString()!, expected);
        }
        catch (StoreConflictException conflict)
        {
            throw new InconsistentStateException(conflict.Message, grainState.ETag ?? "none", "unknown");
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static string GrainType(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}";
}

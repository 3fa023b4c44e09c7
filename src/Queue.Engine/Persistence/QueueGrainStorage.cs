using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Queue.Domain;
using Queue.Hosting;

namespace Queue.Engine.Persistence;

/// <summary>
/// Orleans grain storage over <see cref="IStateStore"/>: the payload is the state in Orleans' own binary
/// format (version tolerant through [Id]s), the etag is the row version, a state that is an
/// <see cref="IHallEventSource"/> has its pending events committed in the same transaction, and a state that is an
/// <see cref="IRowedState"/> has its changed rows (a line's tickets) written with them, so a write costs what changed.
/// </summary>
public sealed class QueueGrainStorage(IStateStore store, Serializer serializer, IOptions<QueueStorageOptions> options) : IGrainStorage, IRowCodec
{
    public const string ProviderName = "queue";

    private readonly ConcurrentDictionary<string, Dictionary<string, byte[]>>? _written = options.Value.VerifyRows ? new() : null;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await store.ReadAsync(GrainType(stateName, grainId), grainId.Key.ToString()!);
        if (stored is null)
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            _written?.TryRemove(Name(stateName, grainId), out _);
            return;
        }

        grainState.State = serializer.Deserialize<T>(stored.Payload);
        if (grainState.State is IRowedState rowed)
        {
            rowed.LoadRows(stored.Rows, this);
            _written?[Name(stateName, grainId)] = stored.Rows.ToDictionary(r => r.Key, r => r.Payload!);
        }

        grainState.ETag = stored.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Everything is taken before the first await, on the grain's turn: a reentrant grain's next changes go with its next write.
        var source = grainState.State as IHallEventSource;
        var events = source?.PendingEvents.ToList() ?? [];
        var rows = grainState.State is IRowedState rowed ? rowed.TakeRowChanges(this) : null;
        if (rows is not null && _written is not null)
        {
            Verify(Name(stateName, grainId), (IRowedState)grainState.State!, rows);
        }

        var payload = serializer.SerializeToArray(grainState.State);
        long? expected = grainState.ETag is null ? null : long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        try
        {
            var (version, committed) = await store.WriteAsync(GrainType(stateName, grainId), grainId.Key.ToString()!, expected, payload, events, rows);
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

        _written?.TryRemove(Name(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public byte[] Encode<TValue>(TValue value) => serializer.SerializeToArray(value);

    public TValue Decode<TValue>(byte[] payload) => serializer.Deserialize<TValue>(payload) ?? throw new InvalidDataException("an empty row");

    /// <summary>
    /// <see cref="QueueStorageOptions.VerifyRows"/>: what was written before, with these changes, must be every row of the
    /// state as it is now; otherwise a change escaped its row and would be lost at the next activation.
    /// </summary>
    private void Verify(string name, IRowedState state, RowChanges changes)
    {
        var written = changes.ReplaceAll ? [] : new Dictionary<string, byte[]>(_written!.GetValueOrDefault(name) ?? []);
        foreach (var row in changes.Rows)
        {
            if (row.Payload is null)
            {
                written.Remove(row.Key);
            }
            else
            {
                written[row.Key] = row.Payload;
            }
        }

        var actual = state.AllRows(this);
        var missed = actual.Where(r => !written.TryGetValue(r.Key, out var bytes) || !bytes.AsSpan().SequenceEqual(r.Payload)).Select(r => r.Key)
            .Concat(written.Keys.Except(actual.Select(r => r.Key)))
            .ToList();
        if (missed.Count > 0)
        {
            throw new InvalidOperationException($"{name}: rows changed without being written: {string.Join(", ", missed.Take(5))}");
        }

        _written![name] = written;
    }

    private static string Name(string stateName, GrainId grainId) => $"{GrainType(stateName, grainId)}|{grainId.Key}";

    private static string GrainType(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}";
}

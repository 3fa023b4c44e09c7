using System.Collections.Immutable;

namespace Queue.Contracts.Snapshots;

/// <summary>
/// A theme's line as phones see it: the display numbers of the waiting tickets in the order they will be called
/// (priority first), the rolling service time and the serving capacity, so that a phone finds its own position
/// and predicted wait without asking (PredictedWaits[k]: the wait of the k-th waiting number, null when no open window
/// serves the line; PredictedLow[k]–PredictedHigh[k] its range). Numbers only: no ticket ids leave in a broadcast.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LineView(
    [property: Id(0)] string HallId,
    [property: Id(1)] string ThemeCode,
    [property: Id(2)] ImmutableArray<string> Waiting,
    [property: Id(3)] double AverageServiceMinutes,
    [property: Id(4)] double ServingWindows,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] ImmutableArray<double?> PredictedWaits,
    [property: Id(7)] ImmutableArray<double?> PredictedLow,
    [property: Id(8)] ImmutableArray<double?> PredictedHigh);

using System.Collections.Immutable;

namespace Queue.Contracts.Snapshots;

/// <summary>
/// A theme's forward-simulated waits (minutes from <see cref="At"/> to the call), by place in the common line: entry k is
/// for the ticket with k people ahead; the last entry is a newcomer's (a normal ticket issued at <see cref="At"/>), unless
/// the line is longer than the places a forecast follows (Queue.Simulation's ForwardPrediction.MaxFollowedPlaces), when it
/// is the last place followed.
/// <see cref="Low"/>, <see cref="Median"/> and <see cref="High"/> are the 10th, 50th and 90th percentiles over the
/// <see cref="Replications"/> replications.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ThemeWaitForecast(
    [property: Id(0)] string ThemeCode,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ImmutableArray<double> Low,
    [property: Id(3)] ImmutableArray<double> Median,
    [property: Id(4)] ImmutableArray<double> High,
    [property: Id(5)] int Replications);

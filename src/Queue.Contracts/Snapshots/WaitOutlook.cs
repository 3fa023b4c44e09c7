namespace Queue.Contracts.Snapshots;

/// <summary>What a theme needs from its hall to predict its waits: its serving capacity (0: no open window serves it) and its latest forward-simulated forecast (null when none is fresh).</summary>
[GenerateSerializer, Immutable]
public sealed record WaitOutlook(
    [property: Id(0)] double ServingWindows,
    [property: Id(1)] ThemeWaitForecast? Forecast);

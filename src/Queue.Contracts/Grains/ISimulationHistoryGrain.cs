using Queue.Contracts.Analytics;

namespace Queue.Contracts.Grains;

/// <summary>
/// A hall's history as a simulation (推演) takes it (key: hall id), read from the silo's journal and time-series store,
/// which a web node in a cluster does not hold. A stateless worker: reads only. Dates are in the hall's time zone.
/// </summary>
[Alias("Queue.ISimulationHistoryGrain")]
public interface ISimulationHistoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// The tickets issued on <paramref name="date"/> per theme (from the journal, else the time-series store's 15-minute
    /// counts) and the service times of the four weeks up to that date. No arrivals when the hall has no data for the day.
    /// </summary>
    [Alias("GetReplay")]
    Task<SimulationHistory> GetReplayAsync(DateOnly date);

    /// <summary>The demand forecast for <paramref name="date"/>, the one the tidal advice is computed from, and the service times it looked back on.</summary>
    [Alias("GetForecast")]
    Task<SimulationHistory> GetForecastAsync(DateOnly date);
}

using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of a simulation's inputs: arrivals to replay or forecast, the plan, and the one-at-a-time rule.</summary>
public static partial class Refusals
{
    /// <summary>The hall has no tickets on the day asked to replay (neither in its journal nor in its time series).</summary>
    public static QueueRuleException SimulationNoReplayData(string date) =>
        Make(ProblemKind.Unprocessable, "simulation-no-replay-data", nameof(T.SimulationNoReplayData), date);

    /// <summary>The hall has no history on the weekdays a forecast looks back on.</summary>
    public static QueueRuleException SimulationNoForecast(string date, int weeks) =>
        Make(ProblemKind.Unprocessable, "simulation-no-forecast", nameof(T.SimulationNoForecast), date, weeks);

    /// <summary>No tidal advice is stored for the day (compute it first).</summary>
    public static QueueRuleException SimulationNoTidalPlan(string date) =>
        Make(ProblemKind.Unprocessable, "simulation-no-tidal-plan", nameof(T.SimulationNoTidalPlan), date);

    public static QueueRuleException SimulationWindowNotFound(int windowNo) =>
        Make(ProblemKind.Unprocessable, "simulation-window-not-found", nameof(T.SimulationWindowNotFound), windowNo);

    /// <summary>A plan cell must give a profile or <c>closed: true</c>, not both or neither, and name a window × interval once.</summary>
    public static QueueRuleException SimulationPlanCell(int windowNo, int interval) =>
        Make(ProblemKind.Unprocessable, "invalid-plan-cell", nameof(T.SimulationPlanCell), windowNo, interval);

    /// <summary>Rates are given, but the arrivals come from a replay or the forecast.</summary>
    public static QueueRuleException SimulationRatesUnused(string arrivals) =>
        Make(ProblemKind.Unprocessable, "simulation-rates-unused", nameof(T.SimulationRatesUnused), arrivals);

    /// <summary>Another simulation is running on this node: one at a time.</summary>
    public static QueueRuleException SimulationBusy() => Make(ProblemKind.Conflict, "simulation-busy", nameof(T.SimulationBusy));
}

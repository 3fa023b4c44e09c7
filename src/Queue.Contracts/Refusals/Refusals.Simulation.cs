using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of a simulation request (POST /api/halls/{hallId}/simulations).</summary>
public static partial class Refusals
{
    public static QueueRuleException SimulationThemeNotFound(string themeCode) =>
        Make(ProblemKind.Unprocessable, "theme-not-found", nameof(T.SimulationThemeNotFound), themeCode);

    /// <summary>A theme's rates are not 1 or 48 finite numbers of arrivals per hour, each from 0 to <paramref name="max"/>.</summary>
    public static QueueRuleException SimulationRates(string themeCode, int intervals, int max) =>
        Make(ProblemKind.Unprocessable, "invalid-rates", nameof(T.SimulationRates), themeCode, intervals, max);

    public static QueueRuleException SimulationOutOfRange(string field, int min, int max) =>
        Make(ProblemKind.Unprocessable, "invalid-" + field, nameof(T.SimulationOutOfRange), field, min, max);

    public static QueueRuleException SimulationTooLarge(long expectedTickets, int replications, int limit) =>
        Make(ProblemKind.Unprocessable, "simulation-too-large", nameof(T.SimulationTooLarge), expectedTickets, replications, limit);

    public static QueueRuleException SimulationTimedOut(int seconds) => Make(ProblemKind.Unavailable, "simulation-timed-out", nameof(T.SimulationTimedOut), seconds);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Domain;
using Queue.Hosting;
using Queue.Domain.Analytics;
using Queue.Simulation;

namespace Queue.Dashboard.Api;

/// <summary>
/// POST /api/halls/{hallId}/simulations (推演): the hall's own configuration and rules run on a virtual day at the given
/// arrival rates, every chosen policy on the same citizens, replicated. <see cref="SimulationRequest.Rates"/> maps a theme
/// code to its arrival rates in citizens an hour: one number for the whole day, or 48, one per half hour from 00:00
/// (only the hall's opening hours count), or a replayed day, or the forecast; the body is read and checked by
/// <see cref="SimulationRequestReader"/>. Runs off the request thread, one at a time per node (<see cref="SimulationGate"/>:
/// 409 while another runs), bounded in size (expected tickets × replications) and in time.
/// </summary>
public static class SimulationEndpoints
{
    /// <summary>Expected tickets of the day × replications, at most.</summary>
    public const int MaxTicketReplications = 200_000;

    public const int MaxReplications = 50;

    public const int MaxRatePerHour = 1_000;

    public const int MaxServiceCv = 5;

    public static TimeSpan TimeCap { get; set; } = TimeSpan.FromSeconds(20);

    public static IEndpointRouteBuilder MapSimulationEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/halls/{hallId}/simulations", Simulate).WithTags("Simulation").RequireHall(Permission.Manage)
            .ProducesAccessRefusals().ProducesBodyRefusals().ProducesRefusals(404, 409, 422, 503)
            .WithSummary("推演：按给定到达率比较各策略 / Simulate the hall's day at given arrival rates and compare the policies");
        return routes;
    }

    private static async Task<Ok<SimulationResult>> Simulate(
        string hallId, SimulationRequest? request, IGrainFactory grains, SimulationGate gate, [FromKeyedServices(QueueClock.Key)] TimeProvider clock, CancellationToken requestAborted)
    {
        var body = RequestRules.Body(request);
        var hall = await RequestRules.HallConfig(grains, hallId);
        var date = string.IsNullOrWhiteSpace(body.Date) ? BusinessClock.Day(clock.GetUtcNow(), hall.TimeZone) : AnalyticsQuery.RequiredDate(body.Date);
        var (scenario, policies, replications, seed, expected, cv, _) = await SimulationRequestReader.ReadAsync(body, hall, date, grains);
        using var slot = gate.Enter();
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        cap.CancelAfter(TimeCap);
        IReadOnlyList<PolicySummary> summaries;
        try
        {
            summaries = await Task.Run(() => PolicyComparison.Run(scenario, policies, replications, seed, cap.Token), cap.Token);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            throw Refusals.SimulationTimedOut((int)TimeCap.TotalSeconds);
        }

        return TypedResults.Ok(new SimulationResult(
            hall.HallId, date, replications, seed, Math.Round(expected, 1), cv, [.. summaries.Select(PolicyFigures.Of)]));
    }
}

/// <summary>The comparison: one row per policy, in the order asked.</summary>
public sealed record SimulationResult(
    string HallId, DateOnly Date, int Replications, int Seed, double ExpectedTickets, double ServiceCv, IReadOnlyList<PolicyFigures> Policies);

/// <summary>A figure's mean over the replications with its 95% interval (null bounds with a single replication).</summary>
public sealed record Figure(double? Mean, double? Low, double? High)
{
    public static Figure Of(ConfidenceInterval ci) => new(Finite(ci.Mean), Finite(ci.Low), Finite(ci.High));

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 4) : null;
}

/// <summary>One policy's figures: waits in minutes, idle window-minutes while someone waited (for that window's themes / anywhere in the hall).</summary>
public sealed partial record PolicyFigures(
    string Policy,
    Figure ShareWithinTarget,
    Figure MeanWaitMinutes,
    Figure P90WaitMinutes,
    Figure MaxWaitMinutes,
    Figure LongestLine,
    Figure Utilization,
    Figure IdleWhileServedLineWaits,
    Figure IdleWhileHallWaits,
    Figure WindowHours,
    Figure GuardianMoves)
{
    public static PolicyFigures Of(PolicySummary s) => new(
        s.Policy.ToString(),
        Figure.Of(s.ShareWithinTarget),
        Figure.Of(s.MeanWait),
        Figure.Of(s.P90Wait),
        Figure.Of(s.MaxWait),
        Figure.Of(s.LongestLine),
        Figure.Of(s.Utilization),
        Figure.Of(s.IdleWhileServedLineWaits),
        Figure.Of(s.IdleWhileHallWaits),
        Figure.Of(s.WindowHours),
        Figure.Of(s.GuardianMoves)) { ByThemeAndHour = ThemeHourFigures.Of(s) };
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Booking;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Domain;
using Queue.Hosting;
using Queue.Simulation;

namespace Queue.Dashboard.Api;

/// <summary>
/// POST /api/halls/{hallId}/booking/check (仿真核验预约容量): the day's booking capacities checked by simulation. The
/// scenario is the one the tidal advice is checked on (<see cref="StaffingSearch.Scenario"/>: the day's stored advice, else
/// one computed from the history, its forecast walk-ins and handle times, its windows followed by the tidal policy); every
/// slot the booking grain offers is filled to its capacity and <see cref="SlotCheck"/> runs the day. One simulation at a
/// time per node (<see cref="SimulationGate"/>: 409), bounded in size and in time (503 past <see cref="TimeCap"/>).
/// </summary>
public static class BookingCheckEndpoints
{
    public const int MaxReplications = 20;

    public static TimeSpan TimeCap { get; set; } = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapBookingCheckEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/halls/{hallId}/booking/check", Check).WithTags("Bookings").RequireHall(Permission.Manage)
            .ProducesAccessRefusals().ProducesRefusals(400, 404, 409, 422, 503)
            .WithSummary("仿真核验预约容量：各时段约满时预约与现场的达标率 / Check the booking capacities by simulation, every slot fully booked");
        return routes;
    }

    private static async Task<Ok<BookingCheckResult>> Check(
        string hallId, string? date, string? replications, string? seed, IGrainFactory grains, SimulationGate gate,
        [FromKeyedServices(QueueClock.Key)] TimeProvider clock, CancellationToken requestAborted)
    {
        var hall = await RequestRules.HallConfig(grains, RequestRules.HallId(hallId));
        var day = string.IsNullOrWhiteSpace(date) ? BusinessClock.Day(clock.GetUtcNow(), hall.TimeZone) : AnalyticsQuery.RequiredDate(date);
        var runs = Whole(replications, "replications", 10, 1, MaxReplications);
        var first = Whole(seed, "seed", 1, 0, int.MaxValue - MaxReplications);
        var themes = await grains.GetGrain<IBookingGrain>(BookingKeys.Day(hall.HallId, day)).GetSlotsAsync(null);
        var tidal = grains.GetGrain<ITidalPlanGrain>(hall.HallId);
        var advice = await tidal.GetAsync(day) ?? await tidal.ComputeAsync(day);
        var longest = hall.Themes.Select(t => t.TargetMinutes).DefaultIfEmpty(30).Max();
        var scenario = StaffingSearch.Scenario(hall, advice) with { TidalAdvice = advice, ServeAfterClosing = TimeSpan.FromMinutes(longest) };
        var slots = themes.SelectMany(t => t.Slots.Select(s => SlotLoad.Of(scenario, t.ThemeCode, s.Start, s.End, s.Capacity))).ToList();
        var expected = scenario.Demand.Sum(d => d.ArrivalsPerInterval.Sum()) + slots.Sum(s => (double)s.Capacity);
        if (expected * runs > SimulationEndpoints.MaxTicketReplications)
        {
            throw Refusals.SimulationTooLarge((long)Math.Round(expected), runs, SimulationEndpoints.MaxTicketReplications);
        }

        using var slot = gate.Enter();
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        cap.CancelAfter(TimeCap);
        IReadOnlyList<SlotVerdict> verdicts;
        try
        {
            verdicts = await Task.Run(() => SlotCheck.Run(scenario, slots, SimulationPolicy.QueueRoutingWithGuardianAndTidal, runs, first, cap.Token), cap.Token);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            throw Refusals.SimulationTimedOut((int)TimeCap.TotalSeconds);
        }

        var rows = verdicts.Select(v => new BookingCheckRow(
            v.Slot.ThemeCode, scenario.Midnight.AddMinutes(v.Slot.StartMinute), scenario.Midnight.AddMinutes(v.Slot.EndMinute), v.Slot.Capacity,
            Round(v.WalkInShare), v.WalkIns, Round(v.AppointmentShare), v.Appointments, v.Meets, v.Suggested));
        return TypedResults.Ok(new BookingCheckResult(hall.HallId, day, runs, first, SlotCheck.Goal, verdicts.All(v => v.Meets || v.Slot.Capacity == 0), [.. rows]));
    }

    private static int Whole(string? value, string field, int otherwise, int min, int max) =>
        string.IsNullOrWhiteSpace(value) ? otherwise
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw Refusals.SimulationOutOfRange(field, min, max);

    private static double? Round(double? share) => share is { } s ? Math.Round(s, 4) : null;
}

/// <summary>
/// The check: <see cref="CapacityMeets"/> when every slot that takes bookings meets <see cref="Goal"/>; one row per theme
/// and slot, in the booking grain's order.
/// </summary>
public sealed record BookingCheckResult(
    string HallId, DateOnly Date, int Replications, int Seed, double Goal, bool CapacityMeets, IReadOnlyList<BookingCheckRow> Slots);

/// <summary>
/// A slot fully booked: the shares of its walk-ins and appointments called within target over the replications (null:
/// none judged), out of how many; whether both meet the goal; for a slot with bookings that misses, the capacity that met it.
/// </summary>
public sealed record BookingCheckRow(
    string ThemeCode, DateTimeOffset Start, DateTimeOffset End, int Capacity,
    double? WalkInShare, int WalkIns, double? AppointmentShare, int Appointments, bool Meets, int? SuggestedCapacity);

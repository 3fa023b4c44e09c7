using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Booking;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Domain;
using Queue.Hosting;

namespace Queue.Dashboard.Api;

/// <summary>
/// The manager's side of appointments: the hall's booking settings (slot length, horizon, check-in window, the share of
/// each slot's capacity appointments may take, per theme too), kept in the hall's configuration as <see cref="HallConfig.Booking"/>,
/// and the report (bookings per slot, show rate, late share, appointment against walk-in waits).
/// </summary>
public static class BookingManagerEndpoints
{
    public static IEndpointRouteBuilder MapBookingManagerEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/halls/{hallId}/booking").WithTags("Bookings").ProducesAccessRefusals().ProducesRefusals(404);
        group.MapGet("/settings", GetSettings).RequireHall(Permission.Manage)
            .WithSummary("预约设置 / The hall's booking settings");
        group.MapPut("/settings", PutSettings).RequireHall(Permission.Configure).ProducesBodyRefusals().ProducesRefusals(422)
            .WithSummary("修改预约设置（时段长度、可约天数、签到窗口、预约占比）/ Change the booking settings (slot length, days ahead, check-in window, shares)");
        group.MapGet("/report", Report).RequireHall(Permission.Manage).ProducesRefusals(400)
            .WithSummary("预约报表：各时段预约、到场率、迟到率、预约与现场等候 / Bookings per slot, show rate, late share, appointment vs walk-in waits");
        group.MapGet("/today", Today).RequireHall(Permission.Display).ProducesRefusals(400)
            .WithSummary("大屏：今日预约、签到、迟到与预约/现场平均等候（仅计数）/ The big screen's figures of today's bookings (counts only)");
        return routes;
    }

    private static async Task<Ok<BookingConfig>> GetSettings(string hallId, IGrainFactory grains) =>
        TypedResults.Ok((await RequestRules.HallConfig(grains, RequestRules.HallId(hallId))).BookingSettingsOrDefault());

    private static async Task<Ok<BookingConfig>> PutSettings(string hallId, BookingSettingsRequest? request, IGrainFactory grains)
    {
        var body = RequestRules.Body(request);
        var hall = await RequestRules.HallConfig(grains, RequestRules.HallId(hallId));
        var current = hall.BookingSettingsOrDefault();
        var settings = new BookingConfig(
            body.Enabled ?? current.Enabled,
            body.SlotMinutes ?? current.SlotMinutes,
            body.DaysAhead ?? current.DaysAhead,
            body.CheckInEarlyMinutes ?? current.CheckInEarlyMinutes,
            body.CheckInLateMinutes ?? current.CheckInLateMinutes,
            body.DefaultShare ?? current.DefaultShare)
        {
            Themes = body.Themes is { } themes ? [.. themes.Select(t => t ?? throw Refusals.Missing("themeCode"))] : current.Themes,
        };
        var configured = await grains.GetGrain<IHallGrain>(hall.HallId).ConfigureAsync(hall with { Booking = settings });
        return TypedResults.Ok(configured.BookingSettingsOrDefault());
    }

    /// <summary>Today's figures of the report (the hall's own day), counts and mean waits only: what a wall display may show.</summary>
    private static async Task<Ok<BookingToday>> Today(string hallId, IGrainFactory grains, [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        var hall = await RequestRules.HallConfig(grains, RequestRules.HallId(hallId));
        var today = BusinessClock.Day(clock.GetUtcNow(), hall.TimeZone);
        var report = await grains.GetGrain<IBookingReportGrain>(hall.HallId).GetAsync(today, today);
        return TypedResults.Ok(new BookingToday(today, report.Booked, report.CheckedIn, report.Late, report.Missed, report.ShowRate,
            report.AppointmentWaits.MeanMinutes, report.WalkInWaits.MeanMinutes));
    }

    private static async Task<Ok<BookingReport>> Report(string hallId, string? from, string? to, IGrainFactory grains)
    {
        var (start, end) = AnalyticsQuery.Range(from, to);
        var hall = await RequestRules.HallConfig(grains, RequestRules.HallId(hallId));
        return TypedResults.Ok(await grains.GetGrain<IBookingReportGrain>(hall.HallId).GetAsync(start, end));
    }
}

/// <summary>Today's bookings for the big screen: booked, checked in on time, late, missed so far, the show rate and the mean waits of appointments and walk-ins (minutes).</summary>
public sealed record BookingToday(DateOnly Date, int Booked, int CheckedIn, int Late, int Missed, double? ShowRate,
    double? AppointmentMeanWaitMinutes, double? WalkInMeanWaitMinutes);

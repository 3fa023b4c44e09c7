using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts.Booking;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;
using Queue.Domain;
using Queue.Hosting;

namespace Queue.Dashboard.Api;

/// <summary>
/// Timed appointments (分时段预约): the public slots with today's live wait, booking by the citizen (phone page) or by staff
/// for one (帮办), the booking's own page actions by its id and key (<c>X-Booking-Key</c> or <c>k</c>, as a ticket link's),
/// and the kiosk's check-in by code or ID number. Booking keys are the ticket-link MAC of "booking:{id}".
/// </summary>
public static class BookingEndpoints
{
    public const string KeyHeader = "X-Booking-Key";

    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/halls/{hallId}/booking/slots", Slots).WithTags("Bookings").AllowAnonymous()
            .RequireRateLimiting(SecurityExtensions.TicketLimit).ProducesRateLimitRefusal().ProducesRefusals(400, 404)
            .WithSummary("可预约时段：各事项今日实时等候与未来几天的空余号 / Each theme's live wait and its free slots on the coming days");
        routes.MapPost("/api/halls/{hallId}/bookings", Book).WithTags("Bookings").AllowAnonymous()
            .RequireRateLimiting(SecurityExtensions.IssueLimit).ProducesRateLimitRefusal().ProducesBodyRefusals().ProducesRefusals(404, 409, 422)
            .WithSummary("预约（身份证号或手机号）；返回预约码、链接与密钥 / Book a slot (ID-card or mobile number); answers the code, link and key");
        routes.MapPost("/api/halls/{hallId}/bookings/assisted", Assisted).WithTags("Bookings").RequireHall(Permission.Operate)
            .ProducesAccessRefusals().ProducesBodyRefusals().ProducesRefusals(404, 409, 422)
            .WithSummary("帮办：工作人员替办事人预约 / Staff book a slot for a citizen");
        routes.MapPost("/api/halls/{hallId}/bookings/check-in", CheckIn).WithTags("Bookings").RequireHall(Permission.Issue)
            .RequireRateLimiting(SecurityExtensions.TicketLimit).ProducesRateLimitRefusal()
            .ProducesAccessRefusals().ProducesBodyRefusals().ProducesRefusals(404, 409)
            .WithSummary("取号机预约签到（预约码或证件号）：按时为预约号，迟到为普通号 / Kiosk check-in by code or ID: on time an appointment ticket, late an ordinary one");
        var booking = routes.MapGroup("/api/bookings/{bookingId}").WithTags("Bookings").AllowAnonymous()
            .RequireRateLimiting(SecurityExtensions.TicketLimit).ProducesRateLimitRefusal().ProducesAccessRefusals().ProducesRefusals(404);
        booking.MapGet("/", Get).WithSummary("查询预约 / A booking, by its id and key");
        booking.MapDelete("/", Cancel).ProducesRefusals(409).WithSummary("取消预约 / Cancel a booking");
        booking.MapPut("/", Reschedule).ProducesBodyRefusals().ProducesRefusals(409, 422)
            .WithSummary("改约到其他时段（返回新预约）/ Move a booking to another slot (answers the new booking)");
        booking.MapPost("/check-in", ScanCheckIn).ProducesBodyRefusals().ProducesRefusals(409, 422)
            .WithSummary("手机扫入口签到码签到：按时为预约号，迟到为普通号 / Check in a booking on the phone with the code scanned at the hall's entrance: on time an appointment ticket, late an ordinary one");
        return routes;
    }

    private static async Task<Ok<BookingCalendar>> Slots(
        string hallId, string? theme, string? days, IGrainFactory grains, KnownHalls halls, [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        var hall = await RequestRules.HallConfig(grains, await halls.RequireAsync(hallId));
        var code = AnalyticsQuery.Theme(theme);
        if (code is not null && hall.FindTheme(code) is null)
        {
            throw Refusals.ThemeNotFound(code, hall.HallId);
        }

        var settings = hall.BookingSettingsOrDefault();
        var count = (int)RequestRules.Number(days, "days", 1, settings.DaysAhead + 1, settings.DaysAhead + 1);
        var now = clock.GetUtcNow();
        var today = BusinessClock.Day(now, hall.TimeZone);
        var perDay = await Task.WhenAll(Enumerable.Range(0, count)
            .Select(i => grains.GetGrain<IBookingGrain>(BookingKeys.Day(hall.HallId, today.AddDays(i))).GetSlotsAsync(code)));
        var live = (await grains.GetGrain<IHallGrain>(hall.HallId).GetSnapshotAsync()).Themes.ToDictionary(t => t.ThemeCode);
        var themes = hall.Themes.Where(t => code is null || t.Code == code).Select(t => new ThemeBookingDays(
            t.Code, t.Name, t.NameEn, live.GetValueOrDefault(t.Code)?.Waiting ?? 0, live.GetValueOrDefault(t.Code)?.ProjectedWaitMinutes,
            settings.Enabled && settings.For(t.Code).Bookable,
            [.. perDay.Select(d => d.First(s => s.ThemeCode == t.Code)).Select(d => d with { Slots = [.. d.Slots.Where(s => s.Start > now)] })]));
        return TypedResults.Ok(new BookingCalendar(hall.HallId, now, settings.DaysAhead, [.. themes]));
    }

    private static Task<Created<BookingView>> Book(string hallId, BookRequest? request, HttpContext http, IGrainFactory grains, QueueKeys keys, KnownHalls halls, PublicLinks links) =>
        BookFor(hallId, request, IssueChannel.Mobile, null, http, grains, keys, halls, links);

    private static Task<Created<BookingView>> Assisted(string hallId, BookRequest? request, HttpContext http, IGrainFactory grains, QueueKeys keys, KnownHalls halls, PublicLinks links) =>
        BookFor(hallId, request, IssueChannel.Staff, http.Caller().Id, http, grains, keys, halls, links);

    private static async Task<Created<BookingView>> BookFor(
        string hallId, BookRequest? request, IssueChannel channel, string? staffId, HttpContext http, IGrainFactory grains, QueueKeys keys, KnownHalls halls, PublicLinks links)
    {
        var hall = await RequestRules.HallConfig(grains, await halls.RequireAsync(hallId));
        var body = RequestRules.Body(request);
        var theme = RequestRules.ThemeCode(body.Theme ?? throw Refusals.Missing("theme"));
        var start = body.SlotStart ?? throw Refusals.Missing("slotStart");
        var citizen = await CitizenData.KeyAsync(body.IdNumber, body.Phone, keys) ?? throw Refusals.CitizenRequired();
        var command = new BookAppointment(theme, start, citizen, CitizenData.MaskedName(body.Name), channel, staffId);
        var date = BusinessClock.Day(start, hall.TimeZone);
        var booked = await grains.GetGrain<IBookingGrain>(BookingKeys.Day(hall.HallId, date)).BookAsync(command);
        return TypedResults.Created($"/api/bookings/{booked.BookingId}", await WithLink(booked, http, keys, links));
    }

    private static async Task<Ok<CheckInResult>> CheckIn(
        string hallId, CheckInRequest? request, HttpContext http, IGrainFactory grains, QueueKeys keys, KnownHalls halls, PublicLinks links,
        [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        var hall = await RequestRules.HallConfig(grains, await halls.RequireAsync(hallId));
        var body = RequestRules.Body(request);
        var code = RequestRules.OptionalText(body.Code, "code", 6);
        if (code is not null && (code.Length != 6 || !code.All(char.IsAsciiDigit)))
        {
            throw Refusals.InvalidValue("code", code);
        }

        var citizen = code is null ? await CitizenData.KeyAsync(body.IdNumber, body.Phone, keys) ?? throw Refusals.Missing("code") : null;
        var today = BusinessClock.Day(clock.GetUtcNow(), hall.TimeZone);
        var result = await grains.GetGrain<IBookingGrain>(BookingKeys.Day(hall.HallId, today)).CheckInAsync(null, code, citizen);
        var ticketKey = await keys.TicketKeyAsync(result.Ticket.TicketId);
        var ticket = result.Ticket with { AccessKey = ticketKey, Link = links.Absolute(http.Request, PublicLinks.TicketPath(result.Ticket.TicketId, ticketKey)) };
        return TypedResults.Ok(new CheckInResult(result.Booking, ticket));
    }

    private static Task<Ok<BookingView>> Get(string bookingId, HttpContext http, IGrainFactory grains, QueueKeys keys, PublicLinks links) =>
        Run(bookingId, http, grains, keys, links, (grain, id) => grain.GetAsync(id));

    private static Task<Ok<BookingView>> Cancel(string bookingId, HttpContext http, IGrainFactory grains, QueueKeys keys, PublicLinks links) =>
        Run(bookingId, http, grains, keys, links, (grain, id) => grain.CancelAsync(id));

    private static Task<Ok<BookingView>> Reschedule(string bookingId, RescheduleRequest? request, HttpContext http, IGrainFactory grains, QueueKeys keys, PublicLinks links) =>
        Run(bookingId, http, grains, keys, links, (grain, id) => grain.RescheduleAsync(id, RequestRules.Body(request).SlotStart ?? throw Refusals.Missing("slotStart")));

    /// <summary>
    /// 到厅签到 of a booking: the code the phone scanned at the entrance (<see cref="EntranceCode"/>, the remote tickets' one)
    /// and the booking's key; then the kiosk's check-in rules (the window, early waits from the slot, late an ordinary ticket).
    /// </summary>
    private static async Task<Ok<CheckInResult>> ScanCheckIn(
        string bookingId, ArriveRequest? request, HttpContext http, IGrainFactory grains, QueueKeys keys, PublicLinks links,
        [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        var (hallId, date) = await Holder(bookingId, http, keys);
        var code = RequestRules.Body(request).Code is { Length: > 0 } given ? given.Trim() : throw Refusals.Missing("code");
        if (!await keys.IsEntranceCodeAsync(hallId, code, clock.GetUtcNow()))
        {
            throw Refusals.EntranceCode();
        }

        var result = await grains.GetGrain<IBookingGrain>(BookingKeys.Day(hallId, date)).CheckInAsync(bookingId, null, null);
        var ticketKey = await keys.TicketKeyAsync(result.Ticket.TicketId);
        var ticket = result.Ticket with { AccessKey = ticketKey, Link = links.Absolute(http.Request, PublicLinks.TicketPath(result.Ticket.TicketId, ticketKey)) };
        return TypedResults.Ok(new CheckInResult(await WithLink(result.Booking, http, keys, links), ticket));
    }

    /// <summary>The booking's holder (its key) or the hall's staff, manager or an administrator; an id of no hall's format is not found.</summary>
    private static async Task<(string HallId, DateOnly Date)> Holder(string bookingId, HttpContext http, QueueKeys keys)
    {
        if (bookingId.Length > 120 || !BookingKeys.TryParseBookingId(bookingId, out var hallId, out var date))
        {
            throw Refusals.BookingNotFound();
        }

        var key = http.Request.Headers[KeyHeader].ToString() is { Length: > 0 } header ? header : http.Request.Query["k"].ToString();
        if (!AccessRules.Allows(http.Caller(), Permission.Operate, hallId) && !await keys.IsTicketKeyAsync(KeyOf(bookingId), key))
        {
            throw AccessRules.Refusal(http.Caller());
        }

        return (hallId, date);
    }

    private static async Task<Ok<BookingView>> Run(
        string bookingId, HttpContext http, IGrainFactory grains, QueueKeys keys, PublicLinks links, Func<IBookingGrain, string, Task<BookingView>> action)
    {
        var (hallId, date) = await Holder(bookingId, http, keys);
        var view = await action(grains.GetGrain<IBookingGrain>(BookingKeys.Day(hallId, date)), bookingId);
        return TypedResults.Ok(await WithLink(view, http, keys, links));
    }

    private static string KeyOf(string bookingId) => "booking:" + bookingId;

    /// <summary>The booking with its key and its page's link (what the confirmation's QR and the SMS carry).</summary>
    private static async Task<BookingView> WithLink(BookingView booking, HttpContext http, QueueKeys keys, PublicLinks links)
    {
        var key = await keys.TicketKeyAsync(KeyOf(booking.BookingId));
        var path = $"/m/{Uri.EscapeDataString(booking.HallId)}?booking={Uri.EscapeDataString(booking.BookingId)}&k={Uri.EscapeDataString(key)}";
        var ticketKey = booking.TicketId is { } ticket ? await keys.TicketKeyAsync(ticket) : null;
        return booking with { AccessKey = key, Link = links.Absolute(http.Request, path), TicketKey = ticketKey };
    }
}

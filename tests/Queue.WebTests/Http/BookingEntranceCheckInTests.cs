using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Queue.Contracts.Booking;
using Queue.Contracts.Model;
using Queue.Hosting;

namespace Queue.WebTests.Http;

/// <summary>The product with the queue's clock a fake one (starting now), so that a booking can be checked in late.</summary>
public sealed class ClockedWebFactory : QueueWebFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(QueueClock.Key, Clock));
    }
}

/// <summary>
/// 到厅签到 of a booking on the phone: <c>POST /api/bookings/{id}/check-in</c> with the entrance's rotating code (the one
/// remote tickets use) and the booking's key; the kiosk's rules then (on time an appointment ticket, late an ordinary one,
/// too early refused); bad input refused with a problem in zh and en.
/// </summary>
public sealed class BookingEntranceCheckInTests(ClockedWebFactory web) : IClassFixture<ClockedWebFactory>
{
    private readonly QueueApi _staff = new(web.CreateClient());

    [Fact]
    public async Task ABookingChecksInOnTimeWithTheEntranceCodeAsAnAppointmentTicket()
    {
        var (hallId, booking) = await _staff.HallWithBooking("13800138101");
        using var phone = web.CreateAnonymousClient();
        var citizen = new QueueApi(phone);

        var result = await QueueApi.Checked<CheckInResult>(citizen.Post(CheckInPath(booking), new { code = await Code(hallId) }), HttpStatusCode.OK);

        Assert.Equal((BookingStatus.CheckedIn, PriorityClass.Appointment, IssueChannel.Appointment), (result.Booking.Status, result.Ticket.Priority, result.Ticket.Channel));
        Assert.Equal(result.Ticket.TicketId, result.Booking.TicketId);
        Assert.NotNull(result.Ticket.AccessKey);
        Assert.Contains($"/t/{result.Ticket.TicketId}?k=", result.Ticket.Link, StringComparison.Ordinal);
        // The ticket page's own address answers with the key the check-in gave.
        await QueueApi.Checked<JsonElement>(citizen.Get($"/api/tickets/{result.Ticket.TicketId}?k={Uri.EscapeDataString(result.Ticket.AccessKey!)}"), HttpStatusCode.OK);

        var again = await QueueApi.Checked<JsonElement>(citizen.Post(CheckInPath(booking), new { code = await Code(hallId) }), HttpStatusCode.Conflict);
        Assert.Equal("booking-not-active", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ABookingCheckedInAfterItsWindowBecomesAnOrdinaryTicketAndCountsLate()
    {
        var (hallId, booking) = await _staff.HallWithBooking("13800138102");
        web.Clock.SetUtcNow(booking.CheckInUntil.AddMinutes(1));
        using var phone = web.CreateAnonymousClient();

        var result = await QueueApi.Checked<CheckInResult>(new QueueApi(phone).Post(CheckInPath(booking), new { code = await Code(hallId) }), HttpStatusCode.OK);

        Assert.Equal((BookingStatus.Late, PriorityClass.Normal), (result.Booking.Status, result.Ticket.Priority));
        var report = await QueueApi.Checked<BookingReport>(_staff.Get($"/api/halls/{hallId}/booking/report"), HttpStatusCode.OK);
        Assert.Equal((1, 1), (report.Booked, report.Late));
    }

    [Fact]
    public async Task BadInputIsRefusedWithAProblemInChineseAndEnglish()
    {
        var (hallId, booking) = await _staff.HallWithBooking("13800138103");
        var other = await _staff.NewHall();
        using var phone = web.CreateAnonymousClient();
        var citizen = new QueueApi(phone);
        var right = await Code(hallId);
        var otherCode = await Code(other);

        await Refused(citizen.Post(CheckInPath(booking), new { code = right == "000000" ? "111111" : "000000" }), HttpStatusCode.UnprocessableEntity, "entrance-code");
        if (otherCode != right)
        {
            await Refused(citizen.Post(CheckInPath(booking), new { code = otherCode }), HttpStatusCode.UnprocessableEntity, "entrance-code");
        }

        await Refused(citizen.Post(CheckInPath(booking), new { }), HttpStatusCode.BadRequest, "missing-code");
        await Refused(citizen.Post(CheckInPath(booking)), HttpStatusCode.BadRequest, "body-required");
        await Refused(citizen.PostRaw(CheckInPath(booking), """{"code":123456}"""), HttpStatusCode.BadRequest, "malformed-json");
        await Refused(citizen.Post($"/api/bookings/{booking.BookingId}/check-in", new { code = right }), HttpStatusCode.Unauthorized, null);
        await Refused(citizen.Post($"/api/bookings/{booking.BookingId}/check-in?k=AAAAAAAAAAAAAAAAAAAAAA", new { code = right }), HttpStatusCode.Unauthorized, null);
        await Refused(_staff.Post("/api/bookings/not-a-booking/check-in", new { code = right }), HttpStatusCode.NotFound, "booking-not-found");
        await Refused(_staff.Post($"/api/bookings/{hallId}.20261207.AAAAAAAAAAAAAAAAAAAAAA/check-in", new { code = right }), HttpStatusCode.NotFound, "booking-not-found");

        // A later slot: its check-in has not begun (30 minutes before it), so the code alone does not check it in.
        var later = await _staff.Booked(hallId, (await _staff.Slots(hallId))[3].Start, "13800138104");
        await Refused(citizen.Post(CheckInPath(later), new { code = right }), HttpStatusCode.Conflict, "check-in-too-early");
    }

    private static string CheckInPath(BookingView booking) => $"/api/bookings/{booking.BookingId}/check-in?k={Uri.EscapeDataString(booking.AccessKey!)}";

    private async Task<string> Code(string hallId) =>
        (await QueueApi.Checked<JsonElement>(_staff.Get($"/api/halls/{hallId}/entrance"), HttpStatusCode.OK)).GetProperty("code").GetString()!;

    private static async Task Refused(Task<HttpResponseMessage> call, HttpStatusCode status, string? code)
    {
        var problem = await QueueApi.Checked<JsonElement>(call, status);
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("messageZh").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("messageEn").GetString()));
    }
}

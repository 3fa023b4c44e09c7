using System.Net;
using System.Text.Json;
using Queue.Contracts.Booking;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Api;
using Queue.Domain;

namespace Queue.WebTests.Http;

/// <summary>Timed appointments through the API: book, prove possession, move, cancel, check in at the kiosk, be called, report.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class BookingTests(QueueWebFactory web)
{
    private readonly QueueApi _api = new(web.CreateClient());

    [Fact]
    public async Task ABookingChecksInAtTheKioskAsAnAppointmentTicketThatAWindowCallsAndTheReportCounts()
    {
        var (hallId, booking) = await _api.HallWithBooking();
        Assert.Equal((BookingStatus.Booked, IssueChannel.Mobile, "张*", 6), (booking.Status, booking.Channel, booking.CitizenName, booking.Code.Length));
        Assert.Contains($"/m/{hallId}?booking={booking.BookingId}&k=", booking.Link, StringComparison.Ordinal);
        Assert.Equal(booking.SlotStart.AddMinutes(-30), booking.CheckInFrom);

        using var anonymous = web.CreateAnonymousClient();
        var citizen = new QueueApi(anonymous);
        using (var withoutKey = await citizen.Get($"/api/bookings/{booking.BookingId}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        }

        var seen = await QueueApi.Checked<BookingView>(citizen.Get(BookingApi.Path(booking)), HttpStatusCode.OK);
        Assert.Equal(booking.Code, seen.Code);

        var checkedIn = await QueueApi.Checked<CheckInResult>(_api.Post($"/api/halls/{hallId}/bookings/check-in", new { code = booking.Code }), HttpStatusCode.OK);
        Assert.Equal((BookingStatus.CheckedIn, PriorityClass.Appointment, IssueChannel.Appointment), (checkedIn.Booking.Status, checkedIn.Ticket.Priority, checkedIn.Ticket.Channel));
        Assert.Equal(checkedIn.Ticket.TicketId, checkedIn.Booking.TicketId);
        Assert.NotNull(checkedIn.Ticket.AccessKey);
        var again = await QueueApi.Checked<JsonElement>(_api.Post($"/api/halls/{hallId}/bookings/check-in", new { code = booking.Code }), HttpStatusCode.Conflict);
        Assert.Equal("booking-not-active", again.GetProperty("code").GetString());

        // A walk-in came first, but the appointment is a priority: window 1 calls it first.
        await _api.Issue(hallId);
        await _api.SignIn(hallId, 1);
        var window = await _api.Window(hallId, 1, "call-next");
        Assert.Equal(checkedIn.Ticket.TicketId, window.Current?.TicketId);

        var events = await QueueApi.Checked<List<HallEvent>>(_api.Get($"/api/halls/{hallId}/events?after=0&max=1000"), HttpStatusCode.OK);
        Assert.Equal([HallEventKind.BookingConfirmed, HallEventKind.BookingCheckedIn], events.Where(e => e.BookingId == booking.BookingId).Select(e => e.Kind));
        var called = Assert.Single(events, e => e.Kind == HallEventKind.TicketCalled);
        Assert.Equal(0, called.WaitSeconds); // waits from its slot's start, which is still ahead

        var report = await QueueApi.Checked<BookingReport>(_api.Get($"/api/halls/{hallId}/booking/report"), HttpStatusCode.OK);
        Assert.Equal((1, 1, 0, 0), (report.Booked, report.CheckedIn, report.Late, report.Missed));
        Assert.Equal(1, report.AppointmentWaits.Calls);
        Assert.Equal(booking.SlotStart, Assert.Single(report.Slots).SlotStart);

        // The big screen's figures are the report's for the hall's today, counts and mean waits only.
        var today = await QueueApi.Checked<BookingToday>(_api.Get($"/api/halls/{hallId}/booking/today"), HttpStatusCode.OK);
        var sameDay = await QueueApi.Checked<BookingReport>(_api.Get($"/api/halls/{hallId}/booking/report?from={today.Date:yyyy-MM-dd}&to={today.Date:yyyy-MM-dd}"), HttpStatusCode.OK);
        Assert.Equal((sameDay.Booked, sameDay.CheckedIn, sameDay.Late, sameDay.Missed, sameDay.ShowRate), (today.Booked, today.CheckedIn, today.Late, today.Missed, today.ShowRate));
        Assert.Equal((sameDay.AppointmentWaits.MeanMinutes, sameDay.WalkInWaits.MeanMinutes), (today.AppointmentMeanWaitMinutes, today.WalkInMeanWaitMinutes));
        if (BusinessClock.Day(booking.SlotStart, HallConfig.DefaultTimeZone) == today.Date)
        {
            Assert.Equal((1, 1), (today.Booked, today.CheckedIn));
        }

        var unknown = await QueueApi.Checked<JsonElement>(_api.Get("/api/halls/no-such-hall/booking/today"), HttpStatusCode.NotFound);
        Assert.False(string.IsNullOrEmpty(unknown.GetProperty("messageZh").GetString()));
    }

    [Fact]
    public async Task OneBookingPerCitizenThemeAndDayAFullSlotIsRefusedAndCancellingFreesIt()
    {
        var (hallId, booking) = await _api.HallWithBooking();
        var slot = booking.SlotStart;
        // Two AA windows of 10 minutes at the 85 % cap serve 5 a slot; half of that may be booked.
        Assert.Equal(2, (await _api.Slots(hallId))[0].Capacity);
        var duplicate = await QueueApi.Checked<JsonElement>(_api.Book(hallId, slot.AddMinutes(30), "13800138000"), HttpStatusCode.Conflict);
        Assert.Equal("booking-duplicate", duplicate.GetProperty("code").GetString());
        Assert.Equal(BookingStatus.Booked, (await _api.Booked(hallId, slot, "13800138000", "BB")).Status);

        var second = await _api.Booked(hallId, slot, "13900139000");
        var full = await QueueApi.Checked<JsonElement>(_api.Book(hallId, slot, "13700137000"), HttpStatusCode.Conflict);
        Assert.Equal("slot-full", full.GetProperty("code").GetString());
        Assert.Equal(0, (await _api.Slots(hallId))[0].Free);

        var cancelled = await QueueApi.Checked<BookingView>(_api.Send(HttpMethod.Delete, BookingApi.Path(second)), HttpStatusCode.OK);
        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        Assert.Equal(1, (await _api.Slots(hallId))[0].Free);
        Assert.Equal(BookingStatus.Booked, (await _api.Booked(hallId, slot, "13700137000")).Status);
    }

    [Fact]
    public async Task ARescheduledBookingIsANewBookingAndTheOldSlotIsFree()
    {
        var (hallId, booking) = await _api.HallWithBooking();
        var later = (await _api.Slots(hallId))[3].Start;
        var moved = await QueueApi.Checked<BookingView>(_api.Put(BookingApi.Path(booking), new { slotStart = later }), HttpStatusCode.OK);
        Assert.Equal((later, BookingStatus.Booked), (moved.SlotStart, moved.Status));
        Assert.NotEqual(booking.BookingId, moved.BookingId);
        var old = await QueueApi.Checked<BookingView>(_api.Get(BookingApi.Path(booking)), HttpStatusCode.OK);
        Assert.Equal((BookingStatus.Rescheduled, moved.BookingId), (old.Status, old.RescheduledTo));
        Assert.Equal(2, (await _api.Slots(hallId))[0].Free);
        var staff = await QueueApi.Checked<BookingView>(_api.Post($"/api/halls/{hallId}/bookings/assisted", new { theme = "AA", slotStart = booking.SlotStart, idNumber = "11010519491231002X" }), HttpStatusCode.Created);
        Assert.Equal(IssueChannel.Staff, staff.Channel);
    }

    [Fact]
    public async Task TheManagerSetsTheShareAndTheCheckInWindowAndTooEarlySaysWhen()
    {
        var hallId = await _api.NewHall();
        var settings = await QueueApi.Checked<JsonElement>(_api.Put($"/api/halls/{hallId}/booking/settings", new { defaultShare = 1.0, checkInEarlyMinutes = 0 }), HttpStatusCode.OK);
        Assert.Equal(0, settings.GetProperty("checkInEarlyMinutes").GetInt32());
        var slot = (await _api.Slots(hallId))[0];
        Assert.Equal(4, slot.Capacity); // 5 a slot would leave only 72 % of arrivals within 30 minutes (Erlang C, two windows)
        var booking = await _api.Booked(hallId, slot.Start, "13800138000");
        var early = await QueueApi.Checked<JsonElement>(_api.Post($"/api/halls/{hallId}/bookings/check-in", new { phone = "13800138000" }), HttpStatusCode.Conflict);
        Assert.Equal("check-in-too-early", early.GetProperty("code").GetString());
        Assert.EndsWith(booking.SlotStart.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), early.GetProperty("messageEn").GetString(), StringComparison.Ordinal);
    }
}

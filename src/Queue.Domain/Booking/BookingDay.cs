using System.Globalization;
using System.Security.Cryptography;
using Queue.Contracts.Booking;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain.Booking;

/// <summary>
/// The rules of one hall's day of appointments (分时段预约), on its state at an instant: slots and their free places,
/// booking (one active booking per citizen, theme and day; a full slot refused), cancelling, moving, and checking in
/// (from <see cref="BookingConfig.CheckInEarlyMinutes"/> before the slot to <see cref="BookingConfig.CheckInLateMinutes"/>
/// after its start an appointment ticket waiting from the slot's start; later an ordinary ticket, the booking late).
/// Each change emits its hall event (30–34).
/// </summary>
public sealed class BookingDay(BookingDayState state, HallConfig hall, DateOnly date, DateTimeOffset now, TidalAdvice? advice)
{
    private readonly OpeningCalendar _calendar = new(hall);

    private BookingConfig Settings => hall.BookingSettingsOrDefault();

    public DateOnly Date => date;

    private DateOnly Today => BusinessClock.Day(now, _calendar.TimeZone);

    /// <summary>The theme's slots with their capacity and bookings (none when the theme takes no appointments or the day is closed).</summary>
    public ThemeSlots Slots(string themeCode)
    {
        var theme = Theme(themeCode);
        var bookable = Settings.Enabled && Settings.For(theme.Code).Bookable;
        var spans = BookingSlots.For(hall, theme, date);
        var slots = bookable
            ? spans.Select(s => new BookingSlot(s.Start, s.End, SlotCapacity.For(hall, theme, s, advice), Holding(theme.Code, s.Start))).ToList()
            : [];
        return new ThemeSlots(theme.Code, date, spans.Count > 0, [.. slots]);
    }

    public BookingRecord Book(BookAppointment command, string? replacing = null)
    {
        var theme = Theme(command.ThemeCode);
        if (!Settings.Enabled || !Settings.For(theme.Code).Bookable)
        {
            throw Refusals.BookingDisabled(theme.Code);
        }

        if (date > Today.AddDays(Settings.DaysAhead))
        {
            throw Refusals.BookingTooFar(Settings.DaysAhead);
        }

        var slot = BookingSlots.Find(hall, theme, date, command.SlotStart) ?? throw Refusals.SlotUnknown(Text(command.SlotStart));
        if (slot.Start <= now)
        {
            throw Refusals.SlotPast(Time(slot.Start));
        }

        if (state.Bookings.Values.FirstOrDefault(b => b.HoldsSlot && b.ThemeCode == theme.Code && b.CitizenKey == command.CitizenKey && b.BookingId != replacing) is { } other)
        {
            throw Refusals.BookingDuplicate(Time(other.SlotStart));
        }

        if (Holding(theme.Code, slot.Start) >= SlotCapacity.For(hall, theme, slot, advice))
        {
            throw Refusals.SlotFull(Time(slot.Start));
        }

        var booking = new BookingRecord
        {
            BookingId = BookingKeys.NewBookingId(hall.HallId, date),
            Code = NewCode(),
            ThemeCode = theme.Code,
            SlotStart = slot.Start,
            SlotEnd = slot.End,
            CitizenKey = command.CitizenKey,
            CitizenName = command.CitizenName,
            Channel = command.Channel,
            StaffId = command.StaffId,
            BookedAt = now,
            Status = BookingStatus.Booked,
        };
        state.Bookings[booking.BookingId] = booking;
        Emit(HallEventKind.BookingConfirmed, booking);
        return booking;
    }

    public BookingRecord Get(string bookingId) => state.Bookings.GetValueOrDefault(bookingId) ?? throw Refusals.BookingNotFound();

    /// <summary>A booking that may still be cancelled or moved: booked, and its slot not started.</summary>
    public BookingRecord Changeable(string bookingId)
    {
        var booking = Get(bookingId);
        if (booking.Status != BookingStatus.Booked)
        {
            throw Refusals.BookingNotActive();
        }

        return booking.SlotStart <= now ? throw Refusals.SlotPast(Time(booking.SlotStart)) : booking;
    }

    public BookingRecord Cancel(string bookingId)
    {
        var booking = Changeable(bookingId);
        booking.Status = BookingStatus.Cancelled;
        booking.ChangedAt = now;
        Emit(HallEventKind.BookingCancelled, booking);
        return booking;
    }

    /// <summary>The booking moved to <paramref name="successor"/> (booked already, on this day or another): it frees its slot.</summary>
    public BookingRecord Moved(string bookingId, string successor)
    {
        var booking = Changeable(bookingId);
        booking.Status = BookingStatus.Rescheduled;
        booking.RescheduledTo = successor;
        booking.ChangedAt = now;
        Emit(HallEventKind.BookingRescheduled, booking, e => e with { Reason = successor });
        return booking;
    }

    /// <summary>Today's booked booking with this code, or else the citizen's earliest one whose check-in has begun (else the earliest).</summary>
    public BookingRecord FindForCheckIn(string? code, string? citizenKey)
    {
        var booked = state.Bookings.Values.Where(b => b.Status == BookingStatus.Booked).OrderBy(b => b.SlotStart).ToList();
        var found = code is not null
            ? state.Bookings.Values.FirstOrDefault(b => b.Code == code)
            : booked.Where(b => b.CitizenKey == citizenKey).OrderBy(b => CheckInFrom(b) <= now ? 0 : 1).FirstOrDefault();
        return found is null || date != Today ? throw Refusals.BookingCodeNotFound() : found;
    }

    /// <summary>The ticket a check-in now issues, and whether it is late; refuses a booking not active or too early.</summary>
    public (IssueTicket Command, bool Late) PlanCheckIn(string bookingId)
    {
        var booking = Get(bookingId);
        if (booking.Status != BookingStatus.Booked)
        {
            throw Refusals.BookingNotActive();
        }

        var from = CheckInFrom(booking);
        if (now < from)
        {
            var (zh, en, time) = _calendar.Describe(from, now);
            throw Refusals.CheckInTooEarly(zh, en, time);
        }

        var late = now > CheckInUntil(booking);
        var requestId = "booking/" + booking.BookingId;
        return late
            ? (new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, requestId, booking.CitizenKey, booking.CitizenName), true)
            : (new IssueTicket(IssueChannel.Appointment, PriorityClass.Appointment, requestId, booking.CitizenKey, booking.CitizenName, WaitFrom: booking.SlotStart), false);
    }

    public BookingRecord CheckedIn(string bookingId, TicketSnapshot ticket, bool late)
    {
        var booking = Get(bookingId);
        booking.Status = late ? BookingStatus.Late : BookingStatus.CheckedIn;
        booking.TicketId = ticket.TicketId;
        booking.DisplayNumber = ticket.DisplayNumber;
        booking.CheckedInAt = now;
        Emit(late ? HallEventKind.BookingLate : HallEventKind.BookingCheckedIn, booking, e => e with
        {
            TicketId = ticket.TicketId, DisplayNumber = ticket.DisplayNumber, Priority = ticket.Priority, Channel = ticket.Channel,
        });
        return booking;
    }

    public BookingView View(BookingRecord b) => new(
        b.BookingId, hall.HallId, b.ThemeCode, date, b.SlotStart, b.SlotEnd, b.Code, b.Status, b.Channel, b.BookedAt, CheckInFrom(b), CheckInUntil(b),
        b.TicketId, b.DisplayNumber, b.CheckedInAt, b.RescheduledTo, b.CitizenName);

    private DateTimeOffset CheckInFrom(BookingRecord b) => b.SlotStart.AddMinutes(-Settings.CheckInEarlyMinutes);

    private DateTimeOffset CheckInUntil(BookingRecord b) => b.SlotStart.AddMinutes(Settings.CheckInLateMinutes);

    private int Holding(string themeCode, DateTimeOffset start) => state.Bookings.Values.Count(b => b.HoldsSlot && b.ThemeCode == themeCode && b.SlotStart == start);

    private ThemeConfig Theme(string code) => hall.FindTheme(code) ?? throw Refusals.ThemeNotFound(code, hall.HallId);

    /// <summary>Six digits, unique in the day (what the citizen types at the kiosk and its QR holds).</summary>
    private string NewCode()
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
            if (!state.Bookings.Values.Any(b => b.Code == code))
            {
                return code;
            }
        }
    }

    private void Emit(HallEventKind kind, BookingRecord b, Func<HallEvent, HallEvent>? with = null)
    {
        var e = new HallEvent(hall.HallId, 0, now, kind, ThemeCode: b.ThemeCode, Channel: b.Channel, StaffId: b.StaffId, CitizenName: b.CitizenName,
            BookingId: b.BookingId, SlotStart: b.SlotStart);
        state.PendingEvents.Add(with is null ? e : with(e));
    }

    private string Time(DateTimeOffset at) => BusinessClock.LocalTime(at, _calendar.TimeZone).ToString("HH\\:mm", CultureInfo.InvariantCulture);

    private string Text(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _calendar.TimeZone).ToString("yyyy-MM-dd HH\\:mm", CultureInfo.InvariantCulture);
}

using Queue.Contracts.Booking;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain.Booking;

namespace Queue.UnitTests.Domain;

/// <summary>Timed appointments on a fake clock: slots in the calendar's periods, capacity, one booking per citizen, cancelling, check-in windows.</summary>
public sealed class BookingDayTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateTimeOffset Sunday = new(2026, 11, 22, 10, 0, 0, Shanghai);
    private static readonly ThemeConfig Bdc = new("BDC", "不动产登记", "Real estate", "A", "main", 30, 15);
    private static readonly ThemeConfig Sw = new("SW", "税务", "Tax", "B", "main", 30, 10);

    private readonly BookingDayState _state = new();

    [Fact]
    public void SlotsAreThirtyMinutesInsideTheOpenPeriodsAndAClosedDayHasNone()
    {
        var hall = Hall(capacity: 2);
        var slots = Day(hall, Monday, Sunday).Slots("BDC");
        Assert.True(slots.Open);
        Assert.Equal(7 + 8, slots.Slots.Length); // 08:30–12:00 and 13:00–17:00
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 30, 0, Shanghai), slots.Slots[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 30, 0, Shanghai), slots.Slots[6].Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, Shanghai), slots.Slots[7].Start);
        Assert.All(slots.Slots, s => Assert.Equal(2, s.Free));

        var closed = Day(hall, new DateOnly(2026, 11, 24), Sunday).Slots("BDC"); // a closed date of the hall
        Assert.False(closed.Open);
        Assert.Empty(closed.Slots);
        Assert.Empty(Day(hall, new DateOnly(2026, 11, 29), Sunday).Slots("BDC").Slots); // a Sunday
        Assert.Equal("slot-unknown", Assert.Throws<QueueRuleException>(() =>
            Day(hall, new DateOnly(2026, 11, 24), Sunday).Book(Book("c1", new DateTimeOffset(2026, 11, 24, 9, 0, 0, Shanghai)))).Code);
    }

    [Fact]
    public void AFullSlotIsRefusedWithConflictAndACancellationFreesIt()
    {
        var hall = Hall(capacity: 2);
        var nine = At(9, 0);
        var day = Day(hall, Monday, Sunday);
        day.Book(Book("c1", nine));
        var second = day.Book(Book("c2", nine));
        var full = Assert.Throws<QueueRuleException>(() => day.Book(Book("c3", nine)));
        Assert.Equal(("slot-full", ProblemKind.Conflict), (full.Code, full.Kind));
        Assert.Equal("09:00 时段已约满，请另选时段", full.MessageZh);
        Assert.Equal(0, day.Slots("BDC").Slots.Single(s => s.Start == nine).Free);

        day.Cancel(second.BookingId);
        Assert.Equal(1, day.Slots("BDC").Slots.Single(s => s.Start == nine).Free);
        Assert.Equal(BookingStatus.Booked, day.Book(Book("c3", nine)).Status);
        Assert.Equal(
            [HallEventKind.BookingConfirmed, HallEventKind.BookingConfirmed, HallEventKind.BookingCancelled, HallEventKind.BookingConfirmed],
            _state.PendingEvents.Select(e => e.Kind));
        Assert.All(_state.PendingEvents, e => Assert.Equal(nine, e.SlotStart));
    }

    [Fact]
    public void ASecondBookingOfTheSameThemeAndDayIsRefusedButAnotherThemeIsNot()
    {
        var day = Day(Hall(capacity: 5), Monday, Sunday);
        day.Book(Book("c1", At(9, 0)));
        var again = Assert.Throws<QueueRuleException>(() => day.Book(Book("c1", At(14, 0))));
        Assert.Equal(("booking-duplicate", ProblemKind.Conflict), (again.Code, again.Kind));
        Assert.Contains("09:00", again.MessageEn, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Booked, day.Book(Book("c1", At(14, 0)) with { ThemeCode = "SW" }).Status);
    }

    [Fact]
    public void ABookingCannotBeMadeForAStartedSlotOrBeyondTheHorizon()
    {
        var hall = Hall(capacity: 5);
        Assert.Equal("slot-past", Assert.Throws<QueueRuleException>(() => Day(hall, Monday, At(9, 5)).Book(Book("c1", At(9, 0)))).Code);
        var far = Assert.Throws<QueueRuleException>(() => Day(hall, Monday, Sunday.AddDays(-8)).Book(Book("c1", At(9, 0))));
        Assert.Equal(("booking-too-far", ProblemKind.Unprocessable), (far.Code, far.Kind));
        var off = hall with { Booking = hall.Booking! with { Themes = [new BookingThemeConfig("BDC", Bookable: false)] } };
        Assert.Equal("booking-disabled", Assert.Throws<QueueRuleException>(() => Day(off, Monday, Sunday).Book(Book("c1", At(9, 0)))).Code);
        Assert.Empty(Day(off, Monday, Sunday).Slots("BDC").Slots);
    }

    [Fact]
    public void CheckingInTooEarlySaysWhenToComeAndOnTimeIssuesAnAppointmentWaitingFromTheSlot()
    {
        var hall = Hall(capacity: 5);
        var booking = Day(hall, Monday, Sunday).Book(Book("c1", At(10, 0)));

        var early = Assert.Throws<QueueRuleException>(() => Day(hall, Monday, At(9, 29)).PlanCheckIn(booking.BookingId));
        Assert.Equal(("check-in-too-early", ProblemKind.Conflict), (early.Code, early.Kind));
        Assert.Equal("签到时间未到：请于今天 09:30 起签到", early.MessageZh);
        Assert.Equal("Too early to check in: please check in from today 09:30", early.MessageEn);

        var (command, late) = Day(hall, Monday, At(9, 30)).PlanCheckIn(booking.BookingId);
        Assert.False(late);
        Assert.Equal((PriorityClass.Appointment, IssueChannel.Appointment, At(10, 0), "c1"), (command.Priority, command.Channel, command.WaitFrom, command.CitizenKey));
        var (_, lastMinute) = Day(hall, Monday, At(10, 15)).PlanCheckIn(booking.BookingId);
        Assert.False(lastMinute);
    }

    [Fact]
    public void ALateCheckInBecomesAnOrdinaryTicketAndTheBookingCountsLate()
    {
        var hall = Hall(capacity: 5);
        var booking = Day(hall, Monday, Sunday).Book(Book("c1", At(10, 0)));
        var day = Day(hall, Monday, At(10, 16));
        var (command, late) = day.PlanCheckIn(booking.BookingId);
        Assert.True(late);
        Assert.Equal((PriorityClass.Normal, IssueChannel.Kiosk, (DateTimeOffset?)null), (command.Priority, command.Channel, command.WaitFrom));

        day.CheckedIn(booking.BookingId, Ticket("h.BDC.x", "A007", PriorityClass.Normal), late);
        Assert.Equal(BookingStatus.Late, booking.Status);
        Assert.Equal(HallEventKind.BookingLate, _state.PendingEvents[^1].Kind);
        Assert.Equal("booking-not-active", Assert.Throws<QueueRuleException>(() => day.PlanCheckIn(booking.BookingId)).Code);
        Assert.Equal("booking-not-active", Assert.Throws<QueueRuleException>(() => day.Cancel(booking.BookingId)).Code);

        var report = BookingFigures.Report("h", Monday, Monday, _state.PendingEvents, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), At(18, 0), 15);
        Assert.Equal((1, 0, 1, 0, 1.0, 1.0), (report.Booked, report.CheckedIn, report.Late, report.Missed, report.ShowRate, report.LateShare));
    }

    [Fact]
    public void TheKioskFindsTodaysBookingByCodeOrByTheCitizensKeyOnly()
    {
        var hall = Hall(capacity: 5);
        var booking = Day(hall, Monday, Sunday).Book(Book("c1", At(10, 0)));
        var today = Day(hall, Monday, At(9, 45));
        Assert.Same(booking, today.FindForCheckIn(booking.Code, null));
        Assert.Same(booking, today.FindForCheckIn(null, "c1"));
        Assert.Equal("booking-code-not-found", Assert.Throws<QueueRuleException>(() => today.FindForCheckIn(null, "c2")).Code);
        Assert.Equal("booking-code-not-found", Assert.Throws<QueueRuleException>(() => Day(hall, Monday, Sunday).FindForCheckIn(booking.Code, null)).Code);
    }

    [Fact]
    public void DefaultCapacityLeavesTheWalkInsWithinTheTargetByErlangC()
    {
        // One window, 10-minute service, 30-minute slot: it serves 2.55 at the 85 % cap; half of that is 1.
        Assert.Equal(1, SlotCapacity.Capacity(new SlotDemand(0, 10, 1), 30, 30, 0.5));
        // Three windows serve 7.65 a slot: the share of 1.0 allows 7, but with 4 walk-ins expected Erlang C lets only 3 more in.
        Assert.Equal(7, SlotCapacity.Capacity(new SlotDemand(0, 10, 3), 30, 30, 1.0));
        Assert.Equal(3, SlotCapacity.Capacity(new SlotDemand(4, 10, 3), 30, 30, 1.0));
        // Walk-ins alone already need more windows: no appointments.
        Assert.Equal(0, SlotCapacity.Capacity(new SlotDemand(9, 10, 3), 30, 30, 1.0));
        Assert.Equal(0, SlotCapacity.Capacity(new SlotDemand(0, 10, 0), 30, 30, 1.0));

        // Computed from the tidal advice's forecast when there is one for the slot's interval (09:00 is interval 18).
        var hall = Hall(capacity: null) with { Booking = new BookingConfig(DefaultShare: 1.0) };
        // The comprehensive window the advice leaves floating adds its half (it serves BDC and SW): 2.5 windows, rounded to 2;
        // 3 walk-ins + 2 bookings would leave only 72 % within 30 minutes, 3 + 1 leaves 93 %.
        var advice = new TidalAdvice("h", Monday, [18], [new TidalCoverage("BDC", 18, 3, 2, 6, 10)], [], 0, 0, 4, Sunday, null);
        var slot = new SlotSpan(At(9, 0), At(9, 30));
        Assert.Equal(new SlotDemand(3, 10, 2.5), SlotCapacity.Demand(hall, Bdc, slot, advice));
        Assert.Equal(SlotCapacity.Capacity(new SlotDemand(3, 10, 2.5), 30, 30, 1.0), SlotCapacity.For(hall, Bdc, slot, advice));
        Assert.Equal(1, SlotCapacity.For(hall, Bdc, slot, advice));
        // Without advice: no walk-ins expected, the theme's minutes (15), the two windows serving BDC (one comprehensive shared with SW: ½).
        Assert.Equal(new SlotDemand(0, 15, 1.5), SlotCapacity.Demand(hall, Bdc, slot, null));
        Assert.Equal(2, SlotCapacity.For(hall, Bdc, slot, null));
    }

    private BookingDay Day(HallConfig hall, DateOnly date, DateTimeOffset now) => new(_state, hall, date, now, null);

    private static BookAppointment Book(string citizen, DateTimeOffset slot) => new("BDC", slot, citizen, "张*", IssueChannel.Mobile);

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 23, hour, minute, 0, Shanghai);

    private static TicketSnapshot Ticket(string id, string number, PriorityClass priority) => new(
        id, "h", "BDC", number, priority, IssueChannel.Kiosk, TicketStatus.Waiting, At(10, 16), null, null, null, null, 0, null, null, false, null, null, 0, null, null,
        Monday, null);

    private static HallConfig Hall(int? capacity)
    {
        var week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .SelectMany(d => new[] { new OpeningPeriod(d, new TimeOnly(8, 30), new TimeOnly(12, 0)), new OpeningPeriod(d, new TimeOnly(13, 0), new TimeOnly(17, 0)) });
        return new HallConfig(
            "h", "大厅", "Hall", HallConfig.DefaultTimeZone, new TimeOnly(8, 30), new TimeOnly(17, 0), [new ZoneConfig("main", "综合区", "Main")], [Bdc, Sw],
            [new WindowConfig(1, "main", WindowProfile.Dedicated("BDC")), new WindowConfig(2, "main", WindowProfile.Comprehensive)], RoutingPolicy.Default, true,
            new HallCalendar([.. week], [], [new ClosedDate(new DateOnly(2026, 11, 24), "闭厅")], [], UseDefaultHolidays: false),
            Booking: new BookingConfig { Themes = capacity is { } c ? [new BookingThemeConfig("BDC", Capacity: c), new BookingThemeConfig("SW", Capacity: c)] : [] });
    }
}

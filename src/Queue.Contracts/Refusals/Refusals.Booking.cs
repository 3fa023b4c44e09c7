using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of timed appointments (分时段预约): booking, changing and checking in.</summary>
public static partial class Refusals
{
    public static QueueRuleException BookingNotFound() => Make(ProblemKind.NotFound, "booking-not-found", nameof(T.BookingNotFound));

    /// <summary>No booking of today at this hall has that code (or that citizen).</summary>
    public static QueueRuleException BookingCodeNotFound() => Make(ProblemKind.NotFound, "booking-code-not-found", nameof(T.BookingCodeNotFound));

    /// <summary>The hall takes no appointments, or not for this theme.</summary>
    public static QueueRuleException BookingDisabled(string themeCode) => Make(ProblemKind.Unprocessable, "booking-disabled", nameof(T.BookingDisabled), themeCode);

    /// <summary>The start given is not one of the theme's slots that day (closed day, outside the periods, off the grid).</summary>
    public static QueueRuleException SlotUnknown(string start) => Make(ProblemKind.Unprocessable, "slot-unknown", nameof(T.SlotUnknown), start);

    public static QueueRuleException SlotFull(string time) => Make(ProblemKind.Conflict, "slot-full", nameof(T.SlotFull), time);

    /// <summary>The slot has started already (or is over).</summary>
    public static QueueRuleException SlotPast(string time) => Make(ProblemKind.Conflict, "slot-past", nameof(T.SlotPast), time);

    public static QueueRuleException BookingTooFar(int days) => Make(ProblemKind.Unprocessable, "booking-too-far", nameof(T.BookingTooFar), days);

    /// <summary>One active booking per citizen, theme and day: the citizen has <paramref name="time"/> already.</summary>
    public static QueueRuleException BookingDuplicate(string time) => Make(ProblemKind.Conflict, "booking-duplicate", nameof(T.BookingDuplicate), time);

    /// <summary>Cancelled, moved or checked in already: nothing more can be done with it.</summary>
    public static QueueRuleException BookingNotActive() => Make(ProblemKind.Conflict, "booking-not-active", nameof(T.BookingNotActive));

    /// <summary>Too early to check in: from {0}/{1} (today or a day) at {2}.</summary>
    public static QueueRuleException CheckInTooEarly(string dayZh, string dayEn, string time) =>
        Make(ProblemKind.Conflict, "check-in-too-early", nameof(T.CheckInTooEarly), dayZh, dayEn, time);

    /// <summary>The ID-card or phone number a booking needs to know its citizen.</summary>
    public static QueueRuleException CitizenRequired() => Make(ProblemKind.Invalid, "missing-citizen", nameof(T.CitizenRequired));

    /// <summary>Booking settings out of range: <paramref name="field"/>.</summary>
    public static QueueRuleException BookingSettings(string field) => Make(ProblemKind.Unprocessable, "booking-settings", nameof(T.BookingSettings), field);
}

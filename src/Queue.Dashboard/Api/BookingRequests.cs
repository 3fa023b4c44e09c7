using System.Collections.Immutable;
using Queue.Contracts.Booking;
using Queue.Contracts.Config;

namespace Queue.Dashboard.Api;

/// <summary>POST /api/halls/{hallId}/bookings (and /assisted): a theme's slot for a citizen given by ID-card or phone number.</summary>
public sealed record BookRequest(string? Theme, DateTimeOffset? SlotStart, string? IdNumber = null, string? Phone = null, string? Name = null);

/// <summary>PUT /api/bookings/{bookingId}: move the booking to another slot of its theme.</summary>
public sealed record RescheduleRequest(DateTimeOffset? SlotStart);

/// <summary>POST /api/halls/{hallId}/bookings/check-in: the booking's code, or the citizen's ID-card or phone number.</summary>
public sealed record CheckInRequest(string? Code, string? IdNumber = null, string? Phone = null);

/// <summary>The public slots answer: each theme with today's live wait and its slots on the coming days.</summary>
public sealed record BookingCalendar(string HallId, DateTimeOffset At, int DaysAhead, ImmutableArray<ThemeBookingDays> Themes);

/// <param name="LiveWaitMinutes">a newcomer's predicted wait now (null: no window serves it now).</param>
public sealed record ThemeBookingDays(
    string ThemeCode, string Name, string NameEn, int Waiting, double? LiveWaitMinutes, bool Bookable, ImmutableArray<ThemeSlots> Days);

/// <summary>PUT /api/halls/{hallId}/booking/settings: the hall's appointment settings (see <see cref="BookingConfig"/>).</summary>
public sealed record BookingSettingsRequest(
    bool? Enabled, int? SlotMinutes, int? DaysAhead, int? CheckInEarlyMinutes, int? CheckInLateMinutes, double? DefaultShare,
    BookingThemeConfig?[]? Themes);

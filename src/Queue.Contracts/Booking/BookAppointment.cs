using Queue.Contracts.Model;

namespace Queue.Contracts.Booking;

/// <summary>
/// Book a slot of a theme. The citizen is known only by <see cref="CitizenKey"/>, the keyed hash of the ID-card or phone
/// number (required: one active booking per citizen, theme and day), and a masked name. <see cref="Channel"/> is
/// <see cref="IssueChannel.Mobile"/> for the citizen's own booking, <see cref="IssueChannel.Staff"/> for 帮办.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BookAppointment(
    [property: Id(0)] string ThemeCode,
    [property: Id(1)] DateTimeOffset SlotStart,
    [property: Id(2)] string CitizenKey,
    [property: Id(3)] string? CitizenName,
    [property: Id(4)] IssueChannel Channel,
    [property: Id(5)] string? StaffId = null);

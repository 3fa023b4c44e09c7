using Queue.Contracts.Config;

namespace Queue.Domain.Booking;

/// <summary>
/// A theme's slots on a local date: back-to-back slots of the hall's slot length from the start of each open period of the
/// theme's zone (the opening calendar's periods: lunch service, Saturdays, 调休 days; none on a closed day), every slot
/// ending inside its period. A hall that does not enforce opening hours is open all day, so its slots run from 00:00 to 24:00.
/// </summary>
public static class BookingSlots
{
    public static IReadOnlyList<SlotSpan> For(HallConfig hall, ThemeConfig theme, DateOnly date)
    {
        var length = TimeSpan.FromMinutes(hall.BookingSettingsOrDefault().SlotMinutes);
        var calendar = OpeningCalendar.For(hall) ?? new OpeningCalendar(hall with { Calendar = null, Opens = TimeOnly.MinValue, Closes = TimeOnly.MinValue });
        var slots = new List<SlotSpan>();
        foreach (var span in calendar.Spans(theme.ZoneId, date))
        {
            for (var start = span.From; start + length <= span.To; start += length)
            {
                slots.Add(new SlotSpan(start, start + length));
            }
        }

        return slots;
    }

    /// <summary>The slot starting at <paramref name="start"/>, or null when the theme has none then.</summary>
    public static SlotSpan? Find(HallConfig hall, ThemeConfig theme, DateOnly date, DateTimeOffset start) =>
        For(hall, theme, date).Where(s => s.Start == start).Select(s => (SlotSpan?)s).FirstOrDefault();
}

/// <summary>A slot's start and end.</summary>
public readonly record struct SlotSpan(DateTimeOffset Start, DateTimeOffset End);

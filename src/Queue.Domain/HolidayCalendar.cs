using System.Collections.Immutable;
using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Config;

namespace Queue.Domain;

/// <summary>
/// The shipped holiday calendar (Holidays.json beside this class): China's public holidays and 调休 working days of
/// 2026 (the State Council's notice) and 2027 (provisional: statutory days only, marked so in the data).
/// </summary>
public static class HolidayCalendar
{
    private const string Resource = "Queue.Domain.Holidays.json";

    private static readonly Lazy<HolidayYears> Shipped = new(Read);

    /// <summary>One year of the shipped data.</summary>
    public sealed record Year(int Number, bool Provisional, string Source, ImmutableArray<ClosedDate> Closed, ImmutableArray<WorkingDate> WorkingDays);

    public static IReadOnlyList<Year> Years => Shipped.Value.Years.Select(y => new Year(y.Year, y.Provisional, y.Source, y.Closed, y.WorkingDays)).ToList();

    public static ImmutableArray<ClosedDate> Closed => [.. Shipped.Value.Years.SelectMany(y => y.Closed)];

    public static ImmutableArray<WorkingDate> WorkingDays => [.. Shipped.Value.Years.SelectMany(y => y.WorkingDays)];

    private static HolidayYears Read()
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing resource {Resource}");
        return JsonSerializer.Deserialize<HolidayYears>(stream, QueueJson.Options) ?? throw new InvalidDataException("empty holiday calendar");
    }

    private sealed record HolidayYears(ImmutableArray<HolidayYear> Years);

    private sealed record HolidayYear(int Year, bool Provisional, string Source, ImmutableArray<ClosedDate> Closed, ImmutableArray<WorkingDate> WorkingDays);
}

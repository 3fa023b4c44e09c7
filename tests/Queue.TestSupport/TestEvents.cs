using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain;

namespace Queue.TestSupport;

/// <summary>Hall events for time-series tests, at local times in Shanghai on Monday 2 March 2026 unless told.</summary>
public static class TestEvents
{
    public static readonly TimeZoneInfo Zone = BusinessClock.Zone("Asia/Shanghai");

    public static readonly DateOnly Day = new(2026, 3, 2);

    public static DateTimeOffset At(int hour, int minute, DateOnly? day = null) =>
        new((day ?? Day).ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    public static HallEvent Issued(string hall, long seq, string theme, DateTimeOffset at) =>
        new(hall, seq, at, HallEventKind.TicketIssued, $"t{seq}", null, theme, Priority: PriorityClass.Normal, Channel: IssueChannel.Kiosk);

    public static HallEvent Called(string hall, long seq, string theme, DateTimeOffset at, int window, double waitSeconds) =>
        new(hall, seq, at, HallEventKind.TicketCalled, $"t{seq}", null, theme, window, PriorityClass.Normal, IssueChannel.Kiosk, WaitSeconds: waitSeconds);

    public static HallEvent Completed(string hall, long seq, string theme, DateTimeOffset at, int window, double serviceSeconds, ServiceOutcome outcome = ServiceOutcome.Done) =>
        new(hall, seq, at, HallEventKind.ServiceCompleted, $"t{seq}", null, theme, window, Outcome: outcome, ServiceSeconds: serviceSeconds);

    public static HallEvent Rated(string hall, long seq, string theme, DateTimeOffset at, int window, int rating) =>
        new(hall, seq, at, HallEventKind.TicketRated, $"t{seq}", null, theme, window, Rating: rating);

    public static HallEvent WindowOpened(string hall, long seq, DateTimeOffset at, int window) =>
        new(hall, seq, at, HallEventKind.WindowOpened, WindowNo: window, StaffId: "s1");
}

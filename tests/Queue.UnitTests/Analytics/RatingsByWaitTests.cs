using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.UnitTests.Analytics;

public sealed class RatingsByWaitTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RatingsFallIntoTheirWaitBandsAndTheListIsNewestFirst()
    {
        var hall = TestHalls.Small("h", ["AA"], WindowProfile.Dedicated("AA"));
        HallEvent Rated(int minute, int level, double? waitMinutes, string? comment = null) => new(
            "h", minute, Morning.AddMinutes(minute), HallEventKind.TicketRated, $"t{minute}", $"A{minute:000}", "AA", 1,
            Rating: level, Reason: comment, WaitSeconds: waitMinutes * 60, StaffId: "s1");
        var events = new[]
        {
            Rated(1, 5, 3), Rated(2, 1, 9.9, "太慢"), Rated(3, 4, 10), Rated(4, 2, 44, "<b>x</b>"), Rated(5, 5, 45), Rated(6, 3, 120), Rated(7, 1, null),
            new HallEvent("h", 8, Morning.AddMinutes(8), HallEventKind.ServiceCompleted, "t8", "A008", "AA", 1, Outcome: ServiceOutcome.Done),
        };

        var report = RatingsByWait.Report("h", new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), events, hall, onlyUnsatisfied: true);

        Assert.Equal((7, 3, 3, 1), (report.Rated, report.Satisfied, report.Unsatisfied, report.UnknownWait));
        Assert.Equal([(0, (int?)10, 2, 1), (10, 20, 1, 1), (20, 30, 0, 0), (30, 45, 1, 0), (45, null, 2, 1)],
            report.Bands.Select(b => (b.FromMinutes, b.ToMinutes, b.Rated, b.Satisfied)));
        Assert.Equal([0.5, 1, 0, 0, 0.5], report.Bands.Select(b => b.SatisfiedShare));
        Assert.Equal(["A007", "A004", "A002"], report.Ratings.Select(r => r.DisplayNumber));
        Assert.Equal((3, 3), (report.Matching, report.Listed));
        var second = report.Ratings[1];
        Assert.Equal(("AA事项", 1, "s1", 44.0, 2, "<b>x</b>"), (second.ThemeName, second.WindowNo, second.StaffId, second.WaitMinutes!.Value, second.Level, second.Comment));
    }

    [Fact]
    public void TheWaitRunsFromIssueToTheFirstCallAndTheStaffIsTheCompletions()
    {
        HallEvent E(long seq, int minute, HallEventKind kind, int? window = null, string? staff = null) =>
            new("h", seq, Morning.AddMinutes(minute), kind, "t", "A001", "AA", window, StaffId: staff);
        var events = new[]
        {
            E(5, 20, HallEventKind.TicketTransferred), E(1, 0, HallEventKind.TicketIssued), E(2, 12, HallEventKind.TicketCalled, 1),
            E(3, 14, HallEventKind.TicketRecalled, 1), E(4, 15, HallEventKind.ServiceStarted, 1), E(6, 40, HallEventKind.TicketCalled, 3),
            E(7, 41, HallEventKind.ServiceStarted, 3), E(8, 50, HallEventKind.ServiceCompleted, 3, "lisi"),
        };

        Assert.Equal(new RatedService(12 * 60, 3, "lisi"), RatedService.From(events));
        Assert.Equal(new RatedService(null, null, null), RatedService.From([E(1, 0, HallEventKind.TicketIssued)]));
    }
}

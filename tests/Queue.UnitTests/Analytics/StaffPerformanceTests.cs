using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Domain.Analytics;
using static Queue.TestSupport.TestEvents;

namespace Queue.UnitTests.Analytics;

/// <summary>Staff performance (统一绩效考核) from the journal: who served, 没办成, ratings, transfers, pauses and idle time, per person, window and theme.</summary>
public sealed class StaffPerformanceTests
{
    [Fact]
    public void EachFigureGoesToThePersonSignedInAtTheWindowAndToTheWindowAndTheTheme()
    {
        var hall = TestHalls.Small("h", ["AA", "BB"], WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB"));
        HallEvent[] events =
        [
            WindowOpened("h", 1, At(9, 0), 1) with { StaffId = "wang" },
            Issued("h", 2, "AA", At(9, 0)) with { TicketId = "x" },
            Called("h", 3, "AA", At(9, 10), 1, 600) with { TicketId = "x" },
            // The completion names no account (older journal): the person signed in at the window served it.
            Completed("h", 4, "AA", At(9, 20), 1, 600, ServiceOutcome.NotDone) with { TicketId = "x" },
            Issued("h", 5, "AA", At(9, 20)) with { TicketId = "y" },
            Called("h", 6, "AA", At(9, 25), 1, 300) with { TicketId = "y" },
            new("h", 7, At(9, 30), HallEventKind.TicketTransferred, "y", null, "AA", 1, ToThemeCode: "BB"),
            new("h", 8, At(9, 30), HallEventKind.WindowPaused, WindowNo: 1, StaffId: "wang", Reason: "午休"),
            new("h", 9, At(10, 0), HallEventKind.WindowResumed, WindowNo: 1, StaffId: "wang"),
            Issued("h", 10, "AA", At(10, 0)) with { TicketId = "z" },
            Called("h", 11, "AA", At(10, 0), 1, 0) with { TicketId = "z" },
            Completed("h", 12, "AA", At(10, 10), 1, 300) with { TicketId = "z", StaffId = "wang" },
            Rated("h", 13, "AA", At(10, 11), 1, 5) with { TicketId = "z", StaffId = "wang" },
            Rated("h", 14, "AA", At(10, 12), 1, 2) with { TicketId = "x", StaffId = "wang" },
            new("h", 15, At(10, 20), HallEventKind.WindowPaused, WindowNo: 1, StaffId: "wang", Reason: "系统故障"),
        ];
        var day = new StaffPerformance.Day(events, At(10, 30));

        var report = StaffPerformance.Report("h", Day, Day, [day], hall);

        var wang = Assert.Single(report.People);
        Assert.Equal(("wang", 2, 450.0, 1, 0.5), (wang.Key, wang.Served, wang.AverageHandleSeconds, wang.NotDone, wang.NotDoneShare));
        Assert.Equal((2, (double?)3.5, 1), (wang.Ratings, wang.AverageRating, wang.Transfers));
        Assert.Equal([("午休", 1, 1800.0), ("系统故障", 1, 600.0)], wang.PausesByReason.Select(p => (p.Reason, p.Count, p.Seconds)));
        Assert.Equal((2, (double?)2400), (wang.Pauses, wang.PauseSeconds));
        // Open 9:00–9:30 and 10:00–10:20; idle while someone waited: 9:00–9:10 (x) and 9:20–9:25 (y).
        Assert.Equal(((double?)3000, (double?)900), (wang.OpenSeconds, wang.IdleWhileWaitingSeconds));
        var window = Assert.Single(report.Windows);
        Assert.Equal(wang with { Key = "1", PausesByReason = [] }, window with { PausesByReason = [] });
        Assert.Equal(wang.PausesByReason, window.PausesByReason.AsEnumerable());
        var theme = Assert.Single(report.Themes);
        Assert.Equal(("AA", 2, 1, 2, 1), (theme.Key, theme.Served, theme.NotDone, theme.Ratings, theme.Transfers));
        Assert.Equal(((int?)null, (double?)null, (double?)null), (theme.Pauses, theme.OpenSeconds, theme.IdleWhileWaitingSeconds));
    }

    [Fact]
    public void DaysAreAddedUpAndAWindowLeftOpenStopsAtEachDaysEnd()
    {
        var hall = TestHalls.Small("h", ["AA"], WindowProfile.Dedicated("AA"));
        var next = Day.AddDays(1);
        StaffPerformance.Day[] days =
        [
            new([WindowOpened("h", 1, At(9, 0), 1) with { StaffId = "li" }, Completed("h", 2, "AA", At(9, 30), 1, 120) with { StaffId = "li" }], At(12, 0)),
            new([WindowOpened("h", 3, At(9, 0, next), 1) with { StaffId = "li" }, Completed("h", 4, "AA", At(9, 30, next), 1, 240) with { StaffId = "li" }], At(10, 0, next)),
        ];

        var li = Assert.Single(StaffPerformance.Report("h", Day, next, days, hall).People);

        Assert.Equal((2, 180.0, (double?)(4 * 3600)), (li.Served, li.AverageHandleSeconds, li.OpenSeconds));
    }
}

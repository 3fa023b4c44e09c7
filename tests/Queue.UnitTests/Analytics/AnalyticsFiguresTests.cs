using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;
using static Queue.TestSupport.TestEvents;

namespace Queue.UnitTests.Analytics;

/// <summary>The pure parts of the analytics: the weekday pattern and the window activity replay.</summary>
public sealed class AnalyticsFiguresTests
{
    [Fact]
    public void TheArrivalPatternAveragesEachWeekdayOverTheWeeks()
    {
        var monday = new DateOnly(2026, 3, 2);
        ArrivalCount[] arrivals = [new("AA", monday, 18, 4), new("AA", monday.AddDays(7), 18, 6), new("BB", monday, 18, 100), new("AA", monday.AddDays(1), 20, 3)];

        var pattern = AnalyticsFigures.Pattern("h", "AA", 2, monday, monday.AddDays(13), arrivals);

        Assert.Equal([(DayOfWeek.Monday, 18, 5.0), (DayOfWeek.Tuesday, 20, 1.5)], pattern.Cells.Select(c => (c.Weekday, c.Interval, c.Average)));
    }

    [Fact]
    public void AWindowIsIdleWhilePeopleWaitOnlyUntilItCallsAndNotWhenTheLineIsEmpty()
    {
        HallEvent[] events =
        [
            WindowOpened("h", 1, At(9, 0), 1),
            Issued("h", 2, "AA", At(9, 0)) with { TicketId = "x" },
            Called("h", 3, "AA", At(9, 5), 1, 300) with { TicketId = "x" },
            Completed("h", 4, "AA", At(9, 15), 1, 600) with { TicketId = "x" },
            Issued("h", 5, "BB", At(9, 20)) with { TicketId = "y" },
            new("h", 6, At(9, 25), HallEventKind.WindowPaused, WindowNo: 1),
        ];

        var times = WindowActivity.Replay(events, (_, theme) => theme == "AA", At(9, 30))[1];

        Assert.Equal((1500.0, 300.0, "s1", false), (times.OpenSeconds, times.IdleWhileWaitingSeconds, times.StaffId, times.Open));
    }
}

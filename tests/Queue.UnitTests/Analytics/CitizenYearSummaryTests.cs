using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Domain.Analytics;
using static Queue.TestSupport.TestEvents;

namespace Queue.UnitTests.Analytics;

/// <summary>The citizen's year (政务办事分析): only their key's visits of that year, their first-call waits, one-trip verdicts and ratings.</summary>
public sealed class CitizenYearSummaryTests
{
    [Fact]
    public void OnlyTheCitizensOwnVisitsOfTheYearAreCountedWithTheLookbackForTheOneTripRule()
    {
        var hall = TestHalls.Small("h", ["AA", "BB"], WindowProfile.Dedicated("AA"));
        var lastYear = new DateOnly(2025, 12, 20);
        var day = new DateOnly(2026, 1, 5);
        HallEvent[] events =
        [
            Issued("h", 1, "AA", At(9, 0, lastYear)) with { TicketId = "old", CitizenKey = "me" },
            Completed("h", 2, "AA", At(9, 30, lastYear), 1, 600, ServiceOutcome.NotDone) with { TicketId = "old" },
            Issued("h", 3, "AA", At(9, 0, day)) with { TicketId = "mine", CitizenKey = "me" },
            Issued("h", 4, "AA", At(9, 1, day)) with { TicketId = "theirs", CitizenKey = "someone" },
            Called("h", 5, "AA", At(9, 10, day), 1, 600) with { TicketId = "mine" },
            Called("h", 6, "AA", At(9, 12, day), 1, 720) with { TicketId = "mine" }, // a recall-like second call: the first counts
            Rated("h", 7, "AA", At(9, 40, day), 1, 2) with { TicketId = "mine" },
            Rated("h", 8, "AA", At(9, 41, day), 1, 5) with { TicketId = "theirs" },
            Issued("h", 9, "BB", At(10, 0, day)) with { TicketId = "mine2", CitizenKey = "me" },
        ];
        var tickets = new HashSet<string>(StringComparer.Ordinal);
        var linked = CitizenYearSummary.Linked(events, "me", tickets).ToList();

        var year = CitizenYearSummary.Summarize(hall, 2026, "me", linked, Zone);

        Assert.DoesNotContain(linked, e => e.TicketId == "theirs");
        Assert.Equal((true, 2, 10.0, (double?)10.0), (year.Known, year.Visits, year.TotalWaitMinutes, year.AverageWaitMinutes));
        Assert.Equal([("AA", 1), ("BB", 1)], year.Themes.Select(t => (t.Code, t.Visits)));
        Assert.Equal((1, 1, (double?)0.5), (year.OneTrip.OneTrip, year.OneTrip.Repeat, year.OneTrip.Rate)); // "mine" is a return after last December's 没办成
        Assert.Equal([(day, "AA", 2)], year.Ratings.Select(r => (r.Date, r.ThemeCode, r.Level)));
    }

    [Fact]
    public void WithoutACitizenKeyNothingIsShown()
    {
        var hall = TestHalls.Small("h", ["AA"], WindowProfile.Dedicated("AA"));
        HallEvent[] events = [Issued("h", 1, "AA", At(9, 0)) with { CitizenKey = "someone" }];

        var year = CitizenYearSummary.Summarize(hall, 2026, null, events, Zone);

        Assert.Equal((false, 0, 0, 0), (year.Known, year.Visits, year.Themes.Length, year.Ratings.Length));
    }
}

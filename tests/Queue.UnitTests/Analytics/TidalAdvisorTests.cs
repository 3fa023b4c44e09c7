using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;

namespace Queue.UnitTests.Analytics;

public sealed class TidalAdvisorTests
{
    private static readonly DateOnly Day = new(2026, 11, 24); // a Tuesday
    private static readonly HallConfig Hall = TestHalls.Small("h", ["BDC", "SW"],
        WindowProfile.Dedicated("BDC"), WindowProfile.Dedicated("SW"), new WindowProfile(WindowProfileKind.Ordered, ["BDC", "SW"])) is var hall
        ? hall with { Windows = [hall.Windows[0], hall.Windows[1], hall.Windows[2] with { Tidal = true }] }
        : throw new InvalidOperationException();

    [Fact]
    public void ATidalWindowJoinsAThemeWhenItsDemandDoublesAndNotBefore()
    {
        // Eight Tuesdays: BDC gets 1 ticket per half hour before 9:00 and 3 from 9:00 (10-minute service); SW 1 all day.
        var history = Enumerable.Range(1, 8).SelectMany(week => Enumerable.Range(17, 17).SelectMany(interval => new[]
        {
            new ArrivalCount("BDC", Day.AddDays(-7 * week), interval, interval < 18 ? 1 : 3),
            new ArrivalCount("SW", Day.AddDays(-7 * week), interval, 1),
        })).ToList();

        var advice = TidalAdvisor.Advise(Hall, history, [], Day, DateTimeOffset.UnixEpoch);

        Assert.Equal(Enumerable.Range(17, 17), advice.Intervals); // 08:30 to 16:30, the opening hours
        Assert.Null(advice.ThemeOf(3, 17));
        Assert.All(Enumerable.Range(18, 16), interval => Assert.Equal("BDC", advice.ThemeOf(3, interval)));
        var nine = Assert.Single(advice.Coverage, c => c.Theme == "BDC" && c.Interval == 18);
        Assert.Equal((2, 2), (nine.Required, nine.Scheduled));
        Assert.Equal(6, nine.ArrivalsPerHour);
        Assert.Equal(0, advice.Shortfall);
        Assert.Equal(0, advice.Switches);
        Assert.Equal(8, advice.WeeksOfHistory);
    }

    [Fact]
    public void OnStandbyATidalWindowKeepsItsUsualProfileAndOnDutyPutsItsPlannedThemeFirst()
    {
        var window = Hall.Windows[2];
        Assert.Same(window.Profile, TidalAdvisor.ProfileFor(window, null, Hall.ThemeCodes));
        var onSw = TidalAdvisor.ProfileFor(window, "SW", Hall.ThemeCodes);
        Assert.Equal(WindowProfileKind.Ordered, onSw.Kind);
        Assert.Equal(["SW", "BDC"], onSw.Themes.ToArray());
    }
}

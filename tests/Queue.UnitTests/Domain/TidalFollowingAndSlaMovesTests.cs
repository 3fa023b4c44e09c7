using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

public sealed class TidalFollowingAndSlaMovesTests
{
    private static readonly DateOnly Day = new(2026, 12, 8);

    // 08:30 and 09:00 in Asia/Shanghai (UTC+8): intervals 17 and 18.
    private static readonly DateTimeOffset AtHalfPastEight = new(2026, 12, 8, 0, 30, 0, TimeSpan.Zero);

    private static TidalAdvice Advice(DateTimeOffset? appliedAt) => new(
        "binjiang", Day, [17, 18], [], [new TidalWindow(5, ["SW", null], 1)], 0, 1, 1, AtHalfPastEight, appliedAt);

    [Fact]
    public void ATidalWindowTakesItsIntervalsThemeFirstAndKeepsItsOtherThemes()
    {
        var hall = DemoHall.Load();
        var window = hall.FindWindow(5)!;

        var wanted = TidalFollowing.Switch(hall, Advice(AtHalfPastEight), window, window.Profile, AtHalfPastEight);

        Assert.NotNull(wanted);
        Assert.Equal(WindowProfileKind.Ordered, wanted.Kind);
        Assert.Equal(["SW", "BDC"], wanted.Themes.ToArray());
        Assert.Null(TidalFollowing.Switch(hall, Advice(AtHalfPastEight), window, wanted, AtHalfPastEight.AddMinutes(10)));
    }

    [Fact]
    public void ASpareIntervalPutsTheTidalWindowBackOnItsConfiguredProfile()
    {
        var hall = DemoHall.Load();
        var window = hall.FindWindow(5)!;
        var moved = new WindowProfile(WindowProfileKind.Ordered, ["SW", "BDC"]);

        var wanted = TidalFollowing.Switch(hall, Advice(AtHalfPastEight), window, moved, AtHalfPastEight.AddMinutes(30));

        Assert.Equal(window.Profile, wanted);
    }

    [Fact]
    public void OnlyTodaysAppliedAdviceIsFollowed()
    {
        var hall = DemoHall.Load();

        Assert.Null(TidalFollowing.Today(new Dictionary<DateOnly, TidalAdvice> { [Day] = Advice(null) }, hall, AtHalfPastEight));
        Assert.Null(TidalFollowing.Today(new Dictionary<DateOnly, TidalAdvice> { [Day] = Advice(AtHalfPastEight) }, hall, AtHalfPastEight.AddDays(1)));
        Assert.NotNull(TidalFollowing.Today(new Dictionary<DateOnly, TidalAdvice> { [Day] = Advice(AtHalfPastEight) }, hall, AtHalfPastEight));
    }

    [Fact]
    public void AWindowMovedByTheGuardianTakesTheTroubledThemeFirstAndKeepsItsOwn()
    {
        var hall = DemoHall.Load();

        var moved = SlaMoves.ProfileFor(new WindowProfile(WindowProfileKind.Ordered, ["QYKB", "SW"]), "BDC", hall.ThemeCodes);

        Assert.Equal(WindowProfileKind.Ordered, moved.Kind);
        Assert.Equal(["BDC", "QYKB", "SW"], moved.Themes.ToArray());
    }

    [Fact]
    public void AMoveMadeAfterTheIntervalsSwitchStandsUntilTheNextBoundary()
    {
        var hall = DemoHall.Load();
        var window = hall.FindWindow(5)!;
        var advice = Advice(AtHalfPastEight);
        var follower = new TidalFollower();

        var planned = follower.Next(hall, advice, window, window.Profile, AtHalfPastEight);
        Assert.NotNull(planned);
        follower.Switched(hall, window.WindowNo, AtHalfPastEight);

        var movedForAnAlert = SlaMoves.ProfileFor(planned, "GJJ", hall.ThemeCodes);
        Assert.Null(follower.Next(hall, advice, window, movedForAnAlert, AtHalfPastEight.AddMinutes(10)));
        Assert.Equal(window.Profile, follower.Next(hall, advice, window, movedForAnAlert, AtHalfPastEight.AddMinutes(30)));
    }

    [Fact]
    public void ASwitchThatWasNotConfirmedIsTriedAgainAndAResetEnforcesThePlanAtOnce()
    {
        var hall = DemoHall.Load();
        var window = hall.FindWindow(5)!;
        var advice = Advice(AtHalfPastEight);
        var follower = new TidalFollower();

        Assert.NotNull(follower.Next(hall, advice, window, window.Profile, AtHalfPastEight));
        Assert.NotNull(follower.Next(hall, advice, window, window.Profile, AtHalfPastEight.AddMinutes(1)));

        follower.Switched(hall, window.WindowNo, AtHalfPastEight.AddMinutes(1));
        Assert.Null(follower.Next(hall, advice, window, window.Profile, AtHalfPastEight.AddMinutes(2)));
        follower.Reset();
        Assert.NotNull(follower.Next(hall, advice, window, window.Profile, AtHalfPastEight.AddMinutes(3)));
    }
}

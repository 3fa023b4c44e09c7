using Queue.Domain;

namespace Queue.UnitTests.Domain;

public sealed class SignInGuardTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TenWrongPasswordsWithinAQuarterOfAnHourLockTheNameForAQuarterOfAnHourAfterTheLast()
    {
        var guard = new SignInGuard();
        for (var i = 0; i < 9; i++)
        {
            guard.Failed("li.si", T0.AddMinutes(i));
        }

        Assert.Null(guard.LockedFor("li.si", T0.AddMinutes(9)));
        guard.Failed("li.si", T0.AddMinutes(9));

        Assert.Equal(TimeSpan.FromMinutes(15), guard.LockedFor("li.si", T0.AddMinutes(9)));
        Assert.Equal(TimeSpan.FromMinutes(1), guard.LockedFor("li.si", T0.AddMinutes(23)));
        Assert.Null(guard.LockedFor("wang.wu", T0.AddMinutes(9)));
        Assert.Null(guard.LockedFor("li.si", T0.AddMinutes(24)));
    }

    [Fact]
    public void WrongPasswordsSpreadWiderThanTheWindowNeverLock()
    {
        var guard = new SignInGuard();
        for (var i = 0; i < 30; i++)
        {
            guard.Failed("li.si", T0.AddMinutes(2 * i));
            Assert.Null(guard.LockedFor("li.si", T0.AddMinutes(2 * i)));
        }
    }

    [Fact]
    public void ARightPasswordStartsTheCountOver()
    {
        var guard = new SignInGuard();
        for (var i = 0; i < 9; i++)
        {
            guard.Failed("li.si", T0);
        }

        guard.Succeeded("li.si");
        guard.Failed("li.si", T0);

        Assert.Null(guard.LockedFor("li.si", T0));
    }
}

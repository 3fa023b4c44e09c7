using Queue.Domain.Analytics;

namespace Queue.UnitTests.Analytics;

public sealed class ErlangCTests
{
    // Exact rationals evaluated with Python's fractions.Fraction from C = (A^c/c!·c/(c−A)) / (Σ_{k<c} A^k/k! + A^c/c!·c/(c−A)).
    private const double ExactNineWindowsEightErlang = 0.65332692826510508;
    private const double ExactTenWindowsEightErlang = 0.40918015079644354;
    private const double ExactFiveThousandOneHundredWindowsFiveThousandErlang = 0.10288141360093403;

    [Theory]
    [InlineData(9, ExactNineWindowsEightErlang)]
    [InlineData(10, ExactTenWindowsEightErlang)]
    public void ProbabilityOfWaitingForEightErlangMatchesTheExactValue(int windows, double exact)
    {
        AssertRelative(exact, ErlangC.ProbabilityOfWaiting(windows, 8));
    }

    [Theory]
    [InlineData(9, 8.0)]
    [InlineData(10, 8.0)]
    [InlineData(11, 8.0)]
    [InlineData(3, 0.5)]
    [InlineData(20, 17.5)]
    public void ProbabilityOfWaitingMatchesTheDirectFactorialSum(int windows, double load)
    {
        AssertRelative(DirectFactorialSum(windows, (decimal)load), ErlangC.ProbabilityOfWaiting(windows, load));
    }

    [Fact]
    public void ServiceLevelAndSpeedOfAnswerFollowFromTheWaitingProbability()
    {
        // A = 0.8 per minute × 10 minutes = 8 Erlang; target 30 minutes.
        var load = ErlangC.OfferedLoad(0.8, 10);
        Assert.Equal(8, load, 12);
        var c9 = DirectFactorialSum(9, 8m);
        var c10 = DirectFactorialSum(10, 8m);

        AssertRelative(1 - (c9 * Math.Exp(-1 * 30 / 10.0)), ErlangC.ServiceLevel(9, load, 10, 30));
        AssertRelative(1 - (c10 * Math.Exp(-2 * 30 / 10.0)), ErlangC.ServiceLevel(10, load, 10, 30));
        AssertRelative(0.96747276755589873, ErlangC.ServiceLevel(9, load, 10, 30));
        AssertRelative(c9 * 10 / 1, ErlangC.AverageSpeedOfAnswer(9, load, 10));
        AssertRelative(c10 * 10 / 2, ErlangC.AverageSpeedOfAnswer(10, load, 10));
        Assert.Equal(0.8, ErlangC.Occupancy(10, load), 15);
        Assert.Equal(1 - c9, ErlangC.ServiceLevel(9, load, 10, 0), 12);
    }

    [Fact]
    public void ErlangBMatchesTheTruncatedPoissonSum()
    {
        decimal term = 1, sum = 1;
        for (var k = 1; k <= 10; k++)
        {
            term = term * 8 / k;
            sum += term;
        }

        AssertRelative((double)(term / sum), ErlangC.ErlangB(10, 8));
        Assert.Equal(1, ErlangC.ErlangB(0, 8));
    }

    [Theory]
    [InlineData(8, 8.0)]
    [InlineData(5, 8.0)]
    [InlineData(0, 0.1)]
    public void AQueueWithNoMoreWindowsThanLoadAlwaysWaits(int windows, double load)
    {
        Assert.Equal(1, ErlangC.ProbabilityOfWaiting(windows, load));
        Assert.Equal(0, ErlangC.ServiceLevel(windows, load, 10, 30));
        Assert.Equal(double.PositiveInfinity, ErlangC.AverageSpeedOfAnswer(windows, load, 10));
    }

    [Fact]
    public void ZeroArrivalsNeedNoWindowsAndNobodyWaits()
    {
        Assert.Equal(0, ErlangC.OfferedLoad(0, 10));
        Assert.Equal(0, ErlangC.ProbabilityOfWaiting(0, 0));
        Assert.Equal(0, ErlangC.ProbabilityOfWaiting(3, 0));
        Assert.Equal(1, ErlangC.ServiceLevel(0, 0, 10, 30));
        Assert.Equal(0, ErlangC.AverageSpeedOfAnswer(0, 0, 10));
        Assert.Equal(0, ErlangC.Occupancy(0, 0));
        Assert.Equal(0, ErlangC.MinimumWindows(0, 10, 30, 0.8, 0.85));
    }

    [Fact]
    public void ZeroHandleTimeNeedsNoWindows()
    {
        Assert.Equal(0, ErlangC.MinimumWindows(5, 0, 30, 0.8, 0.85));
    }

    [Fact]
    public void MinimumWindowsIsTheFewestMeetingBothServiceLevelAndOccupancy()
    {
        // 8 Erlang: 9 windows already give P(W ≤ 30) = 0.967, but occupancy 8/9 = 0.889 exceeds 0.85, so 10.
        Assert.Equal(10, ErlangC.MinimumWindows(0.8, 10, 30, 0.8, 0.85));
        Assert.Equal(9, ErlangC.MinimumWindows(0.8, 10, 30, 0.8, 1));

        // Target 0: P(W ≤ 0) = 1 − C ≥ 0.8 needs C ≤ 0.2; C(11, 8) = 0.245 and C(12, 8) = 0.140, so 12.
        Assert.Equal(12, ErlangC.MinimumWindows(0.8, 10, 0, 0.8, 1));

        // 0.99 within 30 minutes: C(9, 8)·e^−3 = 0.0325 > 0.01 and C(10, 8)·e^−6 = 0.0010, so 10.
        Assert.Equal(10, ErlangC.MinimumWindows(0.8, 10, 30, 0.99, 1));
    }

    [Fact]
    public void AHugeLoadNeitherOverflowsNorSearchesForever()
    {
        AssertRelative(ExactFiveThousandOneHundredWindowsFiveThousandErlang, ErlangC.ProbabilityOfWaiting(5100, 5000));
        AssertRelative(LogSpaceFactorialSum(5100, 5000), ErlangC.ProbabilityOfWaiting(5100, 5000));

        var windows = ErlangC.MinimumWindows(1000, 5, 0, 0.8, 1);
        Assert.True(1 - ErlangC.ProbabilityOfWaiting(windows, 5000) >= 0.8);
        Assert.True(1 - ErlangC.ProbabilityOfWaiting(windows - 1, 5000) < 0.8);
        Assert.InRange(windows, 5001, 5100);

        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.MinimumWindows(1e6, 10, 30, 0.8, 0.85));
    }

    [Fact]
    public void ServiceLevelsOfOneOrMoreAreRejectedBecauseNoStaffingReachesThem()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.MinimumWindows(0.8, 10, 30, 1, 0.85));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.MinimumWindows(0.8, 10, 30, 0.8, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.MinimumWindows(-1, 10, 30, 0.8, 0.85));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(8.0)]
    [InlineData(42.5)]
    public void WaitingFallsAndServiceLevelRisesWithMoreWindowsAndLongerTargets(double load)
    {
        var first = (int)Math.Floor(load) + 1;
        for (var c = first; c < first + 30; c++)
        {
            Assert.True(ErlangC.ProbabilityOfWaiting(c + 1, load) < ErlangC.ProbabilityOfWaiting(c, load));
            Assert.True(ErlangC.ServiceLevel(c + 1, load, 10, 30) >= ErlangC.ServiceLevel(c, load, 10, 30));
            Assert.True(ErlangC.AverageSpeedOfAnswer(c + 1, load, 10) < ErlangC.AverageSpeedOfAnswer(c, load, 10));
            for (var t = 0; t < 60; t += 5)
            {
                Assert.True(ErlangC.ServiceLevel(c, load, 10, t + 5) >= ErlangC.ServiceLevel(c, load, 10, t));
            }
        }

        Assert.True(ErlangC.ServiceLevel(first + 1, load, 10, 5) > ErlangC.ServiceLevel(first, load, 10, 5));
        Assert.True(ErlangC.ServiceLevel(first, load, 10, 10) > ErlangC.ServiceLevel(first, load, 10, 5));
    }

    /// <summary>The textbook formula with decimal factorials: C = X / (Σ_{k&lt;c} A^k/k! + X), X = A^c/c! · c/(c − A).</summary>
    private static double DirectFactorialSum(int windows, decimal load)
    {
        decimal term = 1, sum = 0;
        for (var k = 0; k < windows; k++)
        {
            sum += term;
            term = term * load / (k + 1);
        }

        var x = term * windows / (windows - load);
        return (double)(x / (sum + x));
    }

    /// <summary>The same formula in logarithms (log-sum-exp), for loads whose factorials overflow.</summary>
    private static double LogSpaceFactorialSum(int windows, double load)
    {
        var logs = new double[windows + 1];
        var logFactorial = 0.0;
        for (var k = 0; k <= windows; k++)
        {
            logFactorial += k == 0 ? 0 : Math.Log(k);
            logs[k] = (k * Math.Log(load)) - logFactorial;
        }

        var logX = logs[windows] + Math.Log(windows / (windows - load));
        var max = Math.Max(logs.Take(windows).Max(), logX);
        var sum = logs.Take(windows).Sum(l => Math.Exp(l - max));
        var x = Math.Exp(logX - max);
        return x / (sum + x);
    }

    private static void AssertRelative(double expected, double actual, double tolerance = 1e-9) =>
        Assert.True(
            Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"Expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2}).");
}

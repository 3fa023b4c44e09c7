using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.UnitTests.Analytics;

/// <summary>The big screen's 最长等待 and 30分钟达标率 count the people still waiting, not only those already called.</summary>
public sealed class KpisTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 1, 30, 0, TimeSpan.Zero); // 09:30 in Shanghai
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly ThemeContext Context = new("h", HallConfig.DefaultTimeZone, new ThemeConfig("GJJ", "公积金", "Housing fund", "E", "z"), RoutingPolicy.Default);

    [Fact]
    public void PeopleWaitingPastTheTargetWithNobodyCalledPullComplianceDownAndSetTheLongestWait()
    {
        var state = new ThemeQueueState();
        var line = new ThemeLine(state, Context, Morning);
        line.EnsureDay();
        for (var i = 0; i < 12; i++)
        {
            line.Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        }

        var stats = new ThemeLine(state, Context, Morning.AddMinutes(35)).Stats(servingWindows: 1);
        var kpis = AnalyticsFigures.Kpis("h", Day, [], stats.Waiting, stats.LongestWaitMinutes, Morning, stats.LateWaiting);

        Assert.Equal(12, stats.LateWaiting);
        Assert.Equal((0L, 12, 0.0), (kpis.Called, kpis.LateWaitingNow, kpis.OnTimeShare));
        Assert.True(kpis.MaxWaitSeconds >= 35 * 60, $"max wait {kpis.MaxWaitSeconds} s");
    }

    [Fact]
    public void ATicketStillWithinItsTargetIsNeitherAHitNorAMiss()
    {
        var state = new ThemeQueueState();
        var line = new ThemeLine(state, Context, Morning);
        line.EnsureDay();
        line.Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        line.Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        var stats = new ThemeLine(state, Context, Morning.AddMinutes(19)).Stats(servingWindows: 1);
        TimeBucket[] called = [new("GJJ", 1, Morning, Called: 2, WaitSumSeconds: 1200, WaitMaxSeconds: 900, CalledOnTime: 2)];

        var kpis = AnalyticsFigures.Kpis("h", Day, called, stats.Waiting, stats.LongestWaitMinutes, Morning, stats.LateWaiting);

        Assert.Equal((0, 1.0, 19 * 60.0), (stats.LateWaiting, kpis.OnTimeShare, kpis.MaxWaitSeconds)); // 19 min waiting now beats 15 min called
    }

    [Fact]
    public void OneLateWaitingTicketCountsAsOneMissAgainstTheCalls()
    {
        TimeBucket[] called = [new("GJJ", 1, Morning, Called: 3, WaitSumSeconds: 1800, WaitMaxSeconds: 2400, CalledOnTime: 2)];

        var kpis = AnalyticsFigures.Kpis("h", Day, called, 1, 31, Morning, lateWaitingNow: 1);

        Assert.Equal((0.5, 2400.0), (kpis.OnTimeShare, kpis.MaxWaitSeconds)); // 2 on time ÷ (3 called + 1 late); 40 min called > 31 waiting
    }
}

using Queue.Engine.TimeSeries;

namespace Queue.GrainTests.TimeSeries;

/// <summary>A rating's point in InfluxDB: its wait as a field and its staff as a tag, when the event has them.</summary>
public sealed class InfluxPointsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ARatingsPointCarriesItsWaitAndStaff()
    {
        var line = InfluxPoints.ToLineProtocol(TestEvents.Rated("h", 7, "BDC", At, 3, 2) with { WaitSeconds = 754.5, StaffId = "wangwu" }, "live");

        Assert.StartsWith("rating,hall=h,source=live,staff=wangwu,theme=BDC,window=3 ", line, StringComparison.Ordinal);
        Assert.Contains("wait_s=754.5", line, StringComparison.Ordinal);
        Assert.Contains("level=2i", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOlderRatingWithoutWaitOrStaffKeepsItsShape()
    {
        var line = InfluxPoints.ToLineProtocol(TestEvents.Rated("h", 7, "BDC", At, 3, 5), "live");

        Assert.StartsWith("rating,hall=h,source=live,theme=BDC,window=3 ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wait_s", line, StringComparison.Ordinal);
        Assert.DoesNotContain("staff", line, StringComparison.Ordinal);
    }
}

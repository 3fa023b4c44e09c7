using System.Globalization;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// Hall events as InfluxDB points (line protocol built with <see cref="PointData"/>).
/// <para><b>Identity.</b> InfluxDB keeps one point per measurement + tag set + timestamp: a second write with the same
/// three overwrites the first. Tags are hall, source and low-cardinality attributes (theme, window, channel, priority,
/// outcome, kind); the sequence is deliberately <i>not</i> a tag, as a tag per event would make every event its own
/// series. Instead the timestamp carries it: nanoseconds = event time in ms × 10⁶ + (sequence mod 10⁶). So
/// <list type="bullet">
/// <item>rewriting an event yields the same measurement, tags and timestamp, hence overwrites it with identical values:
/// writes are idempotent;</item>
/// <item>two different events of a hall never share a timestamp unless they fall in the same millisecond <i>and</i>
/// their sequences differ by a multiple of 10⁶, i.e. a million events of one hall within one millisecond: never;</item>
/// <item>the time stays exact to the millisecond, which is all the journal records.</item>
/// </list>
/// The sequence is also a field (<c>seq</c>), for counting and for finding what arrived.</para>
/// </summary>
public static class InfluxPoints
{
    private const long SequenceSlots = 1_000_000;

    public static long IdentityTimestampNs(HallEvent e) =>
        (e.At.ToUnixTimeMilliseconds() * SequenceSlots) + (e.Sequence % SequenceSlots);

    public static string ToLineProtocol(HallEvent e, string source)
    {
        var point = PointData.Measurement(EventMetrics.Measurement(e.Kind))
            .Tag("hall", e.HallId)
            .Tag("source", source)
            .Field("seq", e.Sequence)
            .Timestamp(IdentityTimestampNs(e), WritePrecision.Ns);
        point = e.Kind switch
        {
            HallEventKind.TicketIssued => point.Tag("theme", e.ThemeCode).Tag("channel", e.Channel?.ToString()).Tag("priority", e.Priority?.ToString()),
            HallEventKind.TicketCalled => Ticket(point, e)
                .Tag("channel", e.Channel?.ToString()).Tag("priority", e.Priority?.ToString())
                .Field("wait_s", e.WaitSeconds ?? 0d).Field("on_time", EventMetrics.IsOnTime(e) ? 1L : 0L),
            HallEventKind.ServiceCompleted => Ticket(point, e)
                .Tag("outcome", (e.Outcome ?? ServiceOutcome.Done).ToString())
                .Field("service_s", e.ServiceSeconds ?? 0d).Field("done", EventMetrics.IsDone(e) ? 1L : 0L),
            HallEventKind.TicketRated => Rated(Ticket(point, e)
                .Field("level", (long)(e.Rating ?? 0)).Field("satisfied", EventMetrics.IsSatisfied(e) ? 1L : 0L), e),
            HallEventKind.WindowOpened or HallEventKind.WindowPaused or HallEventKind.WindowResumed or HallEventKind.WindowClosed =>
                point.Tag("window", Window(e)).Tag("state", WindowState(e.Kind)),
            _ => Ticket(point, e).Tag("kind", e.Kind.ToString()),
        };
        return point.ToLineProtocol();
    }

    /// <summary>A rating's wait (issue to first call) and staff, when the event has them (older ratings do not).</summary>
    private static PointData Rated(PointData point, HallEvent e)
    {
        point = e.StaffId is null ? point : point.Tag("staff", e.StaffId);
        return e.WaitSeconds is { } wait ? point.Field("wait_s", wait) : point;
    }

    private static PointData Ticket(PointData point, HallEvent e) => point.Tag("theme", e.ThemeCode).Tag("window", Window(e));

    private static string? Window(HallEvent e) => e.WindowNo?.ToString(CultureInfo.InvariantCulture);

    private static string WindowState(HallEventKind kind) => kind switch
    {
        HallEventKind.WindowPaused => "Paused",
        HallEventKind.WindowClosed => "Closed",
        _ => "Open",
    };
}

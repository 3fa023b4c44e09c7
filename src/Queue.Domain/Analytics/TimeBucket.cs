namespace Queue.Domain.Analytics;

/// <summary>
/// The totals of one theme at one window (0 when the event has none, as for arrivals) over the 15 minutes from
/// <see cref="Start"/> (UTC-aligned; a time zone whose offset is a multiple of 15 minutes, as all of China's, maps
/// buckets onto local half-hours and hours exactly).
/// </summary>
public sealed record TimeBucket(
    string Theme,
    int WindowNo,
    DateTimeOffset Start,
    long Issued = 0,
    long Called = 0,
    double WaitSumSeconds = 0,
    double WaitMaxSeconds = 0,
    long CalledOnTime = 0,
    long Completed = 0,
    long Done = 0,
    double ServiceSumSeconds = 0,
    long Rated = 0,
    long RatingSum = 0,
    long Satisfied = 0)
{
    public static readonly TimeSpan Width = TimeSpan.FromMinutes(15);

    public static DateTimeOffset Floor(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds() / (long)Width.TotalMilliseconds * (long)Width.TotalMilliseconds);

    public TimeBucket Add(TimeBucket other) => this with
    {
        Issued = Issued + other.Issued,
        Called = Called + other.Called,
        WaitSumSeconds = WaitSumSeconds + other.WaitSumSeconds,
        WaitMaxSeconds = Math.Max(WaitMaxSeconds, other.WaitMaxSeconds),
        CalledOnTime = CalledOnTime + other.CalledOnTime,
        Completed = Completed + other.Completed,
        Done = Done + other.Done,
        ServiceSumSeconds = ServiceSumSeconds + other.ServiceSumSeconds,
        Rated = Rated + other.Rated,
        RatingSum = RatingSum + other.RatingSum,
        Satisfied = Satisfied + other.Satisfied,
    };
}

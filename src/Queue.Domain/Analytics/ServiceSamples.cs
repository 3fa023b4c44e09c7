using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.Domain.Analytics;

/// <summary>Turns a completion (its time and duration) into the <see cref="ServiceSample"/> of the interval in which the service started.</summary>
public static class ServiceSamples
{
    public static ServiceSample At(string theme, DateTimeOffset completedAt, double serviceSeconds, TimeZoneInfo zone)
    {
        var started = completedAt.AddSeconds(-serviceSeconds);
        return new ServiceSample(
            theme,
            BusinessClock.Day(started, zone),
            AnalyticsInterval.Of(BusinessClock.LocalTime(started, zone)),
            Math.Round(serviceSeconds / 60, 2));
    }
}

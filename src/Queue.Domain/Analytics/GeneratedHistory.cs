namespace Queue.Domain.Analytics;

/// <summary>Synthetic history: arrivals per theme, date and open 30-minute interval (zeros included) and one service per arrival.</summary>
public sealed record GeneratedHistory(IReadOnlyList<ArrivalCount> Arrivals, IReadOnlyList<ServiceSample> Services);

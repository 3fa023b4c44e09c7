namespace Queue.Domain.Analytics;

/// <summary>
/// A theme for synthetic history: its average arrivals on an ordinary weekday, and its service time (lognormal with
/// mean <see cref="ExpectedServiceMinutes"/> and log-spread <see cref="ServiceSigma"/>).
/// </summary>
public sealed record HistoryTheme(string Code, double ArrivalsPerDay, double ExpectedServiceMinutes, double ServiceSigma = 0.45);

using System.Collections.Immutable;
using Queue.Contracts.Analytics;
using Queue.Contracts.Model;

namespace Queue.Dashboard.Api;

/// <summary>
/// The monthly report (月度报告) of a hall: assembled by the web tier from the analytics and cases grains' own figures
/// (nothing is computed twice): the days' KPIs, the month's quality and ratings, the one-trip rate per day, the cases
/// opened in the month by kind, the staff performance; and for comparison the same month of the previous year or, when
/// that has no tickets, the previous month (null when neither has any). A current month runs up to today.
/// </summary>
public sealed record MonthlyReport(
    string HallId,
    string Month,
    DateOnly From,
    DateOnly To,
    ImmutableArray<MonthlyDay> Days,
    MonthlyTotals Totals,
    OneTripReport OneTrip,
    ImmutableArray<MonthlyCases> Cases,
    ImmutableArray<PerformanceRow> Staff,
    MonthlyComparison? Comparison);

/// <summary>One day's figures: those of the big screen's KPIs (GET …/analytics/kpis) for the date.</summary>
public sealed record MonthlyDay(
    DateOnly Date, long Issued, long Called, long Completed, double AverageWaitSeconds, double MaxWaitSeconds, double OnTimeShare,
    long Rated, double SatisfiedShare);

/// <summary>
/// The month's totals: the days' sums; the average wait weighted by the calls of each day; <see cref="OnTime"/> the calls
/// within the 30-minute target (each day's share × its calls and late waiting tickets) and <see cref="OnTimeShare"/> of
/// all; satisfaction, average rating and 没办成 from GET …/analytics/quality over the month; 差评 from …/analytics/ratings;
/// the one-trip rate of the whole hall from …/analytics/one-trip (null when no visit is known).
/// </summary>
public sealed record MonthlyTotals(
    long Issued, long Called, long Completed, double AverageWaitSeconds, double MaxWaitSeconds, long OnTime, double OnTimeShare,
    long Rated, double SatisfiedShare, double AverageRating, long NotDone, int Unsatisfied, double? OneTripRate);

/// <summary>The cases of one kind opened in the month: how many, how many of those are closed, and how many are open past their deadline.</summary>
public sealed record MonthlyCases(CaseKind Kind, int Opened, int Closed, int Overdue);

/// <summary>The month compared with (<see cref="Basis"/>: previous-year or previous-month) and its totals.</summary>
public sealed record MonthlyComparison(string Month, string Basis, MonthlyTotals Totals);

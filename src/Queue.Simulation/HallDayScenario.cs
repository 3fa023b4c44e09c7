using Queue.Contracts.Config;
using Queue.Contracts.Snapshots;

namespace Queue.Simulation;

/// <summary>
/// One hall-day to simulate (推演): the hall, the date, each theme's demand, how citizens behave and who staffs the
/// windows. Tickets are issued from the hall's opening to its closing time; the day closes (what is left expires, as
/// the product's day close does) <see cref="ServeAfterClosing"/> after closing. Figures count the tickets issued between
/// opening + <see cref="Warmup"/> and closing − <see cref="Cooldown"/> (both zero for a real day; a stationary study
/// leaves out the empty start and the truncated end).
/// </summary>
public sealed record HallDayScenario(HallConfig Hall, DateOnly Date, IReadOnlyList<ThemeDemand> Demand)
{
    public CitizenBehaviour Behaviour { get; init; } = CitizenBehaviour.None;

    public StaffingPlan Staffing { get; init; } = StaffingPlan.HallHours;

    /// <summary>Where arrivals come from; null: Poisson at the rates of <see cref="Demand"/>.</summary>
    public IArrivalSource? ArrivalSource { get; init; }

    /// <summary>The tidal plan the tidal policy follows (e.g. the advice stored for the day); null: planned from <see cref="Demand"/>.</summary>
    public TidalAdvice? TidalAdvice { get; init; }

    /// <summary>Minutes from a call to the citizen reaching the window (0: at once).</summary>
    public double WalkMinutes { get; init; }

    public TimeSpan ServeAfterClosing { get; init; } = TimeSpan.Zero;

    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    public TimeSpan Cooldown { get; init; } = TimeSpan.Zero;

    /// <summary>How often the SLA guardian evaluates and staff act on its advice (the product evaluates every 10 s).</summary>
    public TimeSpan GuardianEvery { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the tidal plan is followed (the product's tidal plan grain checks every 30 s).</summary>
    public TimeSpan TidalFollowEvery { get; init; } = TimeSpan.FromSeconds(30);

    public IArrivalSource Arrivals => ArrivalSource ?? new PoissonArrivals(Demand);

    public double OpensMinute => Hall.Opens.ToTimeSpan().TotalMinutes;

    public double ClosesMinute => Hall.Closes.ToTimeSpan().TotalMinutes;

    public ServiceTimeModel ServiceOf(string themeCode) =>
        Demand.FirstOrDefault(d => d.ThemeCode == themeCode)?.Service
        ?? ServiceTimeModel.Exponential(Hall.FindTheme(themeCode)?.ExpectedServiceMinutes ?? 10);
}

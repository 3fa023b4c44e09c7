using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Http;
using Queue.Domain;
using Queue.Domain.Analytics;
using Queue.Simulation;

namespace Queue.Dashboard.Api;

/// <summary>
/// Reads and checks the body of POST /api/halls/{hallId}/simulations into a <see cref="HallDayScenario"/>: where the
/// arrivals come from (explicit <c>rates</c>, a <c>replay</c> of a past day, or the <c>forecast</c> the tidal advice is
/// computed from), how citizens behave, and who staffs which window (the configured layout, the stored tidal advice, or a
/// custom grid of window × half-hour cells). History is asked of the silo (<see cref="ISimulationHistoryGrain"/>); the
/// simulator receives plain arrivals and service times. Every bad field is refused with a zh/en ProblemDetails.
/// </summary>
public static class SimulationRequestReader
{
    public const int MaxPatienceMinutes = 24 * 60;

    public static async Task<SimulationInput> ReadAsync(SimulationRequest body, HallConfig hall, DateOnly date, IGrainFactory grains)
    {
        var cv = body.ServiceCv ?? 0.8;
        if (!double.IsFinite(cv) || cv is < 0 or > SimulationEndpoints.MaxServiceCv)
        {
            throw Refusals.SimulationOutOfRange("serviceCv", 0, SimulationEndpoints.MaxServiceCv);
        }

        var replications = body.Replications ?? 10;
        if (replications is < 1 or > SimulationEndpoints.MaxReplications)
        {
            throw Refusals.SimulationOutOfRange("replications", 1, SimulationEndpoints.MaxReplications);
        }

        var policies = Policies(body.Policies);
        var behaviour = Behaviour(body.Behaviour);
        var arrivals = body.Arrivals ?? (body.Rates is { Count: > 0 } ? "rates" : "forecast");
        var (scenario, expected) = arrivals switch
        {
            "rates" => Rates(hall, date, body.Rates, cv),
            "replay" => await Replay(hall, date, body, cv, grains),
            "forecast" => await Forecast(hall, date, body, cv, grains),
            _ => throw Refusals.InvalidValue("arrivals", arrivals),
        };
        var (staffing, tidal) = await Plan(body.Plan, hall, date, grains);
        if (expected * replications > SimulationEndpoints.MaxTicketReplications)
        {
            throw Refusals.SimulationTooLarge((long)Math.Round(expected), replications, SimulationEndpoints.MaxTicketReplications);
        }

        scenario = scenario with { Behaviour = behaviour, Staffing = staffing, TidalAdvice = tidal };
        var seed = body.Seed ?? Random.Shared.Next(1, int.MaxValue / 2);
        return new SimulationInput(scenario, policies, replications, seed, expected, cv, arrivals);
    }

    private static List<SimulationPolicy> Policies(string[]? names)
    {
        if (names is null || names.Length == 0)
        {
            return [.. PolicyComparison.All];
        }

        var policies = new List<SimulationPolicy>();
        foreach (var name in names)
        {
            if (!Enum.TryParse<SimulationPolicy>(name, ignoreCase: true, out var policy) || !Enum.IsDefined(policy) || int.TryParse(name, out _))
            {
                throw Refusals.InvalidValue("policies", name ?? "null");
            }

            if (!policies.Contains(policy))
            {
                policies.Add(policy);
            }
        }

        return policies;
    }

    private static CitizenBehaviour Behaviour(SimulationBehaviour? asked)
    {
        if (asked is null)
        {
            return CitizenBehaviour.None;
        }

        var patience = asked.MeanPatienceMinutes;
        if (patience is { } minutes && (!double.IsFinite(minutes) || minutes is < 1 or > MaxPatienceMinutes))
        {
            throw Refusals.SimulationOutOfRange("meanPatienceMinutes", 1, MaxPatienceMinutes);
        }

        var behaviour = new CitizenBehaviour(
            Share(asked.NoShowShare, "noShowShare"), patience, Share(asked.GreenChannelShare, "greenChannelShare"), Share(asked.AppointmentShare, "appointmentShare"),
            TransferShare: Share(asked.TransferShare, "transferShare"), HoldShare: Share(asked.HoldShare, "holdShare"));
        if (behaviour.GreenChannelShare + behaviour.AppointmentShare > 1)
        {
            throw Refusals.SimulationOutOfRange("appointmentShare", 0, 1);
        }

        return behaviour.TransferShare + behaviour.HoldShare > 1 ? throw Refusals.SimulationOutOfRange("holdShare", 0, 1) : behaviour;
    }

    private static double Share(double? value, string field) =>
        value is not { } share ? 0 : double.IsFinite(share) && share is >= 0 and <= 1 ? share : throw Refusals.SimulationOutOfRange(field, 0, 1);

    private static (HallDayScenario, double) Rates(HallConfig hall, DateOnly date, Dictionary<string, double[]>? rates, double cv)
    {
        if (rates is null || rates.Count == 0)
        {
            throw Refusals.Missing("rates");
        }

        var demand = new List<ThemeDemand>();
        foreach (var (code, perHour) in rates)
        {
            var theme = hall.FindTheme(code) ?? throw Refusals.SimulationThemeNotFound(code);
            if (perHour is null || perHour.Length is not (1 or AnalyticsInterval.PerDay) || perHour.Any(r => !double.IsFinite(r) || r is < 0 or > SimulationEndpoints.MaxRatePerHour))
            {
                throw Refusals.SimulationRates(code, AnalyticsInterval.PerDay, SimulationEndpoints.MaxRatePerHour);
            }

            var perInterval = perHour.Length == 1 ? Enumerable.Repeat(perHour[0], AnalyticsInterval.PerDay) : perHour;
            var service = ServiceTimeModel.Lognormal(theme.ExpectedServiceMinutes, cv);
            demand.Add(new ThemeDemand(code, [.. perInterval.Select(r => r * AnalyticsInterval.Minutes / 60)], service));
        }

        return (new HallDayScenario(hall, date, demand), Expected(hall, date, demand));
    }

    /// <summary>The tickets issued on the replayed day, each at its time (or spread over its 15 minutes), on the simulated date.</summary>
    private static async Task<(HallDayScenario, double)> Replay(HallConfig hall, DateOnly date, SimulationRequest body, double cv, IGrainFactory grains)
    {
        NoRates(body, "replay");
        var day = string.IsNullOrWhiteSpace(body.ReplayDate) ? date : AnalyticsQuery.RequiredDate(body.ReplayDate, "replayDate");
        var history = await grains.GetGrain<ISimulationHistoryGrain>(hall.HallId).GetReplayAsync(day);
        var replay = new ReplayArrivals([.. history.Arrivals.Select(a => new ArrivalSlot(a.Theme, a.FromMinute, a.ToMinute, a.Count))]);
        var (opens, closes) = Queue.Domain.OpeningCalendar.Of(hall).DayMinutes(date) ?? (0, 0);
        var expected = replay.Slots.Where(s => s.FromMinute < closes && s.ToMinute >= opens).Sum(s => s.Count);
        if (expected == 0)
        {
            throw Refusals.SimulationNoReplayData(Text(day));
        }

        var samples = Samples(history);
        var demand = replay.Demand(hall.ThemeCodes, code =>
            ServiceTimeModel.FromHistory(samples.GetValueOrDefault(code), ServiceTimeModel.Lognormal(hall.FindTheme(code)!.ExpectedServiceMinutes, cv)));
        return (new HallDayScenario(hall, date, demand) { ArrivalSource = replay }, expected);
    }

    /// <summary>The forecast the tidal advice is computed from, as Poisson rates per theme × half hour.</summary>
    private static async Task<(HallDayScenario, double)> Forecast(HallConfig hall, DateOnly date, SimulationRequest body, double cv, IGrainFactory grains)
    {
        NoRates(body, "forecast");
        var history = await grains.GetGrain<ISimulationHistoryGrain>(hall.HallId).GetForecastAsync(date);
        if (history.WeeksObserved == 0)
        {
            throw Refusals.SimulationNoForecast(Text(date), new ForecastOptions().Weeks);
        }

        var forecast = new DemandForecastResult(date, history.WeeksObserved, [.. history.Rates.Select(r =>
            new IntervalDemand(r.Theme, r.IntervalIndex, r.Arrivals, r.HandleMinutes, HandleTimeSource.Expected))]);
        var samples = Samples(history);
        var demand = ThemeDemand.FromForecast(forecast, (code, handle) =>
            ServiceTimeModel.FromHistory(samples.GetValueOrDefault(code), ServiceTimeModel.Lognormal(handle, cv)));
        return (new HallDayScenario(hall, date, demand), Expected(hall, date, demand));
    }

    private static async Task<(StaffingPlan, TidalAdvice?)> Plan(SimulationPlan? plan, HallConfig hall, DateOnly date, IGrainFactory grains)
    {
        var kind = plan?.Kind ?? (plan?.Cells is { Length: > 0 } ? "custom" : "configured");
        if (kind != "custom" && plan?.Cells is { Length: > 0 })
        {
            throw Refusals.InvalidValue("plan.cells", kind);
        }

        switch (kind)
        {
            case "configured":
                return (StaffingPlan.HallHours, null);
            case "tidal":
                var advice = await grains.GetGrain<ITidalPlanGrain>(hall.HallId).GetAsync(date) ?? throw Refusals.SimulationNoTidalPlan(Text(date));
                return (StaffingPlan.FromTidal(hall, advice), advice);
            case "custom":
                return (Cells(plan!.Cells, hall), null);
            default:
                throw Refusals.InvalidValue("plan.kind", kind);
        }
    }

    /// <summary>The configured layout overridden cell by cell; a cell's profile is checked by the hall configuration's own rule.</summary>
    private static StaffingPlan Cells(SimulationPlanCell[]? cells, HallConfig hall)
    {
        if (cells is null || cells.Length == 0)
        {
            throw Refusals.Missing("plan.cells");
        }

        var staffing = new StaffingPlan();
        var themes = hall.ThemeCodes.ToHashSet();
        foreach (var cell in cells)
        {
            if (cell is null)
            {
                throw Refusals.Missing("plan.cells");
            }

            if (hall.FindWindow(cell.WindowNo) is null)
            {
                throw Refusals.SimulationWindowNotFound(cell.WindowNo);
            }

            if (cell.Interval is < 0 or >= AnalyticsInterval.PerDay)
            {
                throw Refusals.SimulationOutOfRange("interval", 0, AnalyticsInterval.PerDay - 1);
            }

            var closed = cell.Closed == true;
            var given = (closed ? 1 : 0) + (cell.Profile is null ? 0 : 1) + (cell.Theme is null ? 0 : 1);
            if (given != 1 || staffing.Entries.ContainsKey((cell.WindowNo, cell.Interval)))
            {
                throw Refusals.SimulationPlanCell(cell.WindowNo, cell.Interval);
            }

            if (closed)
            {
                staffing.Close(cell.WindowNo, cell.Interval);
                continue;
            }

            // A theme is the tidal switch, as a drawn tidal plan makes it: that theme first, the window's own after.
            var profile = cell.Theme is { } theme
                ? TidalAdvisor.ProfileFor(hall.FindWindow(cell.WindowNo)!, themes.Contains(theme) ? theme : throw Refusals.SimulationThemeNotFound(theme), hall.ThemeCodes)
                : Profile(cell.Profile!);
            HallConfigValidator.CheckProfile(profile, themes, cell.WindowNo);
            staffing.Open(cell.WindowNo, profile, cell.Interval);
        }

        return staffing;
    }

    private static WindowProfile Profile(SimulationProfile asked) =>
        Enum.TryParse<WindowProfileKind>(asked.Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(asked.Kind, out _)
            ? new WindowProfile(kind, [.. asked.Themes ?? []])
            : throw Refusals.InvalidValue("profile.kind", asked.Kind ?? "null");

    private static void NoRates(SimulationRequest body, string arrivals)
    {
        if (body.Rates is { Count: > 0 })
        {
            throw Refusals.SimulationRatesUnused(arrivals);
        }
    }

    private static Dictionary<string, IReadOnlyList<double>> Samples(SimulationHistory history) =>
        history.Services.ToDictionary(s => s.Theme, s => (IReadOnlyList<double>)s.Minutes);

    /// <summary>Expected tickets within the hours each theme's zone is open on the date (the hall calendar, or Opens–Closes).</summary>
    private static double Expected(HallConfig hall, DateOnly date, IEnumerable<ThemeDemand> demand)
    {
        var calendar = Queue.Domain.OpeningCalendar.Of(hall);
        return demand.Sum(d => d.ArrivalsPerInterval.Select((n, i) => n * calendar.OpenShare(hall.FindTheme(d.ThemeCode)?.ZoneId, date, i)).Sum());
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One simulation at a time on this node (a one-slot gate): a second request while one runs is refused with 409
/// <c>simulation-busy</c> rather than queued, so that simulations cannot pile up on a silo.
/// </summary>
public sealed class SimulationGate : IDisposable
{
    private readonly SemaphoreSlim _slot = new(1, 1);

    /// <summary>Takes the slot, or refuses (409) when a simulation is running; dispose the answer to give it back.</summary>
    public IDisposable Enter() => _slot.Wait(0) ? new Release(_slot) : throw Refusals.SimulationBusy();

    public void Dispose() => _slot.Dispose();

    private sealed class Release(SemaphoreSlim slot) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slot.Release();
            }
        }
    }
}

/// <summary>A checked request: the scenario, the policies, the replications, the seed, the expected tickets a day, the service CV and the arrival source.</summary>
public sealed record SimulationInput(
    HallDayScenario Scenario, IReadOnlyList<SimulationPolicy> Policies, int Replications, int Seed, double ExpectedTickets, double ServiceCv, string Arrivals);

/// <summary>
/// The body of POST /api/halls/{hallId}/simulations. <see cref="Rates"/>: theme code → arrivals an hour, one number for
/// the whole day or 48 (one per half hour from 00:00). <see cref="Arrivals"/>: <c>rates</c> (default when rates are
/// given), <c>replay</c> (the tickets of <see cref="ReplayDate"/>, default <see cref="Date"/>) or <c>forecast</c> (default
/// otherwise). <see cref="Policies"/>: names of <see cref="SimulationPolicy"/> (all when absent).
/// </summary>
public sealed record SimulationRequest(
    string? Date,
    Dictionary<string, double[]>? Rates,
    double? ServiceCv,
    string[]? Policies,
    int? Replications,
    int? Seed,
    string? Arrivals = null,
    string? ReplayDate = null,
    SimulationBehaviour? Behaviour = null,
    SimulationPlan? Plan = null);

/// <summary>How citizens behave (shares from 0 to 1; patience in minutes, absent: nobody gives up).</summary>
public sealed record SimulationBehaviour(
    double? NoShowShare, double? MeanPatienceMinutes, double? GreenChannelShare, double? AppointmentShare, double? TransferShare, double? HoldShare);

/// <summary>Who staffs the windows: <c>configured</c> (default), <c>tidal</c> (the day's stored tidal advice) or <c>custom</c> (the configured layout overridden by <see cref="Cells"/>).</summary>
public sealed record SimulationPlan(string? Kind, SimulationPlanCell[]? Cells);

/// <summary>
/// Window <see cref="WindowNo"/> in half hour <see cref="Interval"/> (0..47 from 00:00): open with <see cref="Profile"/>,
/// closed, or switched as a tidal plan switches it (<see cref="Theme"/> first, the window's own themes after:
/// <see cref="TidalAdvisor.ProfileFor"/>). Exactly one of the three.
/// </summary>
public sealed record SimulationPlanCell(int WindowNo, int Interval, SimulationProfile? Profile, bool? Closed, string? Theme = null);

/// <summary>A window profile: <c>Dedicated</c> (one theme), <c>Ordered</c> (themes in order) or <c>Comprehensive</c> (no themes: all).</summary>
public sealed record SimulationProfile(string? Kind, string[]? Themes);

using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// A simulated hall-day, the moves between windows: the staffing plan at each 30-minute boundary, the SLA guardian's
/// advice applied through <see cref="WindowDesk.SetProfile"/> (<see cref="SlaMoves"/>), and the tidal plan followed as the
/// tidal plan grain follows it (<see cref="TidalFollower"/>: once per interval, so the guardian's moves stand until the next boundary).
/// </summary>
internal sealed partial class HallDay
{
    private readonly Dictionary<string, SlaAlert> _alerts = [];
    private readonly Dictionary<DateOnly, TidalAdvice> _advice = [];
    private readonly TidalFollower _following = new();

    private bool Guarded => _guardianActs && _guarded;

    private bool Tidal => _tidal;

    private void ScheduleBoundaries()
    {
        Schedule(_from, DayEventKind.Boundary, 0);
        var first = (Math.Floor(_from / AnalyticsInterval.Minutes) + 1) * AnalyticsInterval.Minutes;
        for (var at = first; at < _scenario.ClosesMinute; at += AnalyticsInterval.Minutes)
        {
            Schedule(at, DayEventKind.Boundary, 0);
        }
    }

    /// <summary>The guardian's and the tidal plan's timers; with the tidal policy, the day's plan is made and applied first.</summary>
    private void StartMoves()
    {
        if (Tidal)
        {
            _advice[_scenario.Date] = (_tidalPlan ?? HallDaySimulator.TidalPlan(_scenario)) with { AppliedAt = _midnight };
            Every(_scenario.TidalFollowEvery, DayEventKind.TidalFollow);
        }

        if (Guarded)
        {
            Every(_scenario.GuardianEvery, DayEventKind.Guardian);
        }
    }

    private void Every(TimeSpan period, DayEventKind kind)
    {
        for (var at = _from; at < _scenario.ClosesMinute; at += period.TotalMinutes)
        {
            Schedule(at, kind, 0);
        }
    }

    /// <summary>The tidal plan for the scenario's rates, as the tidal plan grain computes advice (<see cref="TidalAdvisor.Plan"/>), not yet applied.</summary>
    public static TidalAdvice TidalPlan(HallDayScenario scenario)
    {
        var hall = scenario.Hall;
        var forecast = new DemandForecastResult(scenario.Date, 1, [.. hall.Themes.SelectMany(t =>
            Enumerable.Range(0, AnalyticsInterval.PerDay).Select(i => scenario.Demand.FirstOrDefault(d => d.ThemeCode == t.Code) is { } d
                ? new IntervalDemand(t.Code, i, d.ArrivalsPerInterval[i], d.Service.MeanMinutes, HandleTimeSource.Expected)
                : new IntervalDemand(t.Code, i, 0, t.ExpectedServiceMinutes, HandleTimeSource.Expected)))]);
        var zone = BusinessClock.Zone(hall.TimeZone);
        var midnight = scenario.Date.ToDateTime(TimeOnly.MinValue);
        return TidalAdvisor.Plan(hall, forecast, new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)));
    }

    /// <summary>Staff sign in, sign out (after the current citizen) or change profile as the staffing plan says for this interval.</summary>
    private void ApplyStaffing()
    {
        var interval = (int)(_clock / AnalyticsInterval.Minutes);
        foreach (var desk in _desks)
        {
            var (open, profile) = _scenario.Staffing.At(_scenario, desk.Config.WindowNo, interval);
            if (!open)
            {
                desk.Closing = desk.IsOpen;
                continue;
            }

            desk.Closing = false;
            if (!desk.IsOpen)
            {
                desk.Desk.SignIn($"staff-{desk.Config.WindowNo}", $"{desk.Config.WindowNo}号窗口", Now);
            }

            var planned = _policy == SimulationPolicy.DedicatedFifo ? desk.Config.Profile : profile ?? desk.Config.Profile;
            if (!Same(planned, desk.PlannedProfile ?? desk.Config.Profile))
            {
                desk.Desk.SetProfile(planned, Now);
                desk.MovedFor = null;
            }

            desk.PlannedProfile = planned;
        }

        if (Tidal)
        {
            FollowTidalPlan();
        }
    }

    /// <summary>
    /// The hall grain's SLA tick (<see cref="SlaGuardian.Evaluate"/> → <see cref="SlaAlertBook.Update"/>), then staff do as
    /// advised: each suggested window takes the troubled theme first; once that theme's alert is resolved the window goes back
    /// to its planned profile. No forward forecast runs inside a simulated day, so the guardian reads the same fallback the
    /// product uses without a fresh forecast: each line's snapshot carries the closed form (<see cref="WaitPrediction.Predict"/>
    /// without a forecast) and the head of the line its closed-form half turn.
    /// </summary>
    private void Guard()
    {
        var windows = _desks.Select(d => d.Desk.Snapshot(Now)).ToList();
        var capacity = WaitPrediction.Capacity(windows, [.. _themeCodes.Select((_, i) => Line(i).Load)]);
        var themes = _themeCodes.Select((code, i) => Line(i).Stats(capacity.GetValueOrDefault(code))).ToList();
        var evaluated = SlaGuardian.Evaluate(_hall, themes, windows, Now);
        SlaAlertBook.Update(_alerts, evaluated, _hall.HallId, Now);
        foreach (var (windowNo, theme) in SlaMoves.Advised(evaluated))
        {
            var desk = _desks.First(d => d.Config.WindowNo == windowNo);
            desk.Desk.SetProfile(SlaMoves.ProfileFor(desk.Desk.Profile, theme, _themeCodes), Now);
            desk.MovedFor = theme;
            _tally.Moved();
        }

        foreach (var desk in _desks.Where(d => d.MovedFor is { } theme && !_alerts.ContainsKey(theme)))
        {
            desk.Desk.SetProfile(desk.PlannedProfile ?? desk.Config.Profile, Now);
            desk.MovedFor = null;
        }
    }

    /// <summary>The tidal plan grain's follower: each open tidal window takes its interval's planned theme first.</summary>
    private void FollowTidalPlan()
    {
        if (TidalFollowing.Today(_advice, _hall, Now) is not { } advice)
        {
            return;
        }

        foreach (var desk in _desks.Where(d => d.Config.Tidal && d.IsOpen))
        {
            if (_following.Next(_hall, advice, desk.Config, desk.Desk.Profile, Now) is { } wanted)
            {
                desk.Desk.SetProfile(wanted, Now);
                _following.Switched(_hall, desk.Config.WindowNo, Now);
            }
        }
    }

    private static bool Same(WindowProfile a, WindowProfile b) => a.Kind == b.Kind && a.Themes.SequenceEqual(b.Themes);
}

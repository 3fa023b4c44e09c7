using Queue.Contracts.Commands;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// A simulated hall-day started mid-day from a live hall (<see cref="LiveHall"/>): each line holds its waiting tickets,
/// each window its state, profile and current ticket, then the day runs on the domain's rules as usual until every
/// ticket it follows has been called. It follows the tickets waiting at the start and one newcomer per theme (a normal
/// ticket issued at the start whose service takes no time, so that it changes nobody else's wait), but no more than
/// <see cref="ForwardPrediction.MaxFollowedPlaces"/> places of a line: of a longer line only those places are seeded and
/// followed, and no newcomer (the prediction extends the last simulated place by the closed form to the places behind,
/// <see cref="WaitPrediction.Predict"/>). The tail changes nothing ahead of it (a window chooses among the lines' heads,
/// <see cref="Routing"/>), and a run then costs the same whatever the lines' length and ends once those places are called.
/// </summary>
internal sealed partial class HallDay
{
    /// <summary>Tickets the forward run still waits to see called; -1 when the run is a whole day.</summary>
    private int _watching = -1;

    private readonly List<SimTicket> _watched = [];

    /// <summary>How many arrivals the run has drawn so far (a forward run draws them as it reaches them).</summary>
    internal int ArrivalsDrawn => _tickets.Count;

    /// <summary>Called before each arrival is issued, with the ticket's index (the calibration reads the live state there).</summary>
    public Action<int>? BeforeIssue { get; set; }

    /// <summary>The tickets followed, with their place: theme, index in the line's call order (the newcomer last), and the wait (null: never called).</summary>
    public IEnumerable<(string ThemeCode, int Place, double? Wait)> Followed() =>
        _watched.Select(t => (t.Draw.ThemeCode, t.Index, t.CalledMinute - _from));

    /// <summary>
    /// A forward run from the live state: the scenario's arrivals after <see cref="LiveHall.Now"/> are drawn from
    /// <paramref name="drawer"/> half an hour at a time, as the run reaches them (it stops once its followed tickets are called).
    /// </summary>
    public static HallDay Forward(HallDayScenario scenario, LiveHall live, DayTickets.DayDrawer drawer, Random random)
    {
        var day = new HallDay(scenario, SimulationPolicy.QueueRouting, [], live.TidalPlan);
        day.Seed(live, random);
        (day._drawer, day._drawnUntil) = (drawer, day._from);
        return day;
    }

    /// <summary>Puts the live hall into the day's states, at the live moment on the virtual clock.</summary>
    private void Seed(LiveHall live, Random random)
    {
        _clock = _from = (live.Now - _midnight).TotalMinutes;
        _tidal = live.TidalPlan is not null;
        _watching = 0;
        var served = live.Windows.Where(w => w.IsOpen).SelectMany(w => w.Profile.Resolve(_themeCodes)).ToHashSet();
        for (var theme = 0; theme < _themeCodes.Length; theme++)
        {
            _lines[theme].BusinessDay = _scenario.Date;
            var line = live.Lines.FirstOrDefault(l => l.ThemeCode == _themeCodes[theme]);
            _lines[theme].LastNumber = line?.IssuedToday ?? 0;
            var (place, common) = (0, 0);
            foreach (var waiting in line?.Waiting ?? [])
            {
                if (waiting.DirectedToWindow is null && common++ >= ForwardPrediction.MaxFollowedPlaces)
                {
                    continue; // the tail: a window calls a line's head only, so nobody ahead of it waits for it
                }

                var watched = waiting.DirectedToWindow is null && served.Contains(_themeCodes[theme]);
                var ticket = Add(theme, waiting.TicketId, waiting.DisplayNumber, waiting.Priority, waiting.WaitingSince, TicketStatus.Waiting, null, random, watched ? place++ : -1);
                ticket.Issued(waiting.TicketId, theme, waiting.Priority, _clock);
                _waiting[theme]++;
            }
        }

        foreach (var desk in _desks)
        {
            var window = live.Windows.FirstOrDefault(w => w.WindowNo == desk.Config.WindowNo);
            if (window is not null)
            {
                SeedDesk(desk, window, random);
            }
        }

        for (var theme = 0; theme < _themeCodes.Length; theme++)
        {
            var ahead = _lines[theme].Tickets.Values.Count(t => t.Status == TicketStatus.Waiting && t.DirectedToWindow is null);
            if (!served.Contains(_themeCodes[theme]) || ahead >= ForwardPrediction.MaxFollowedPlaces)
            {
                continue; // no open window serves it ("暂无窗口受理", nothing to simulate), or past the places followed
            }

            var newcomer = new SimTicket(ahead,
                new CitizenDraw(_themeCodes[theme], _clock, PriorityClass.Normal, 0, false, double.PositiveInfinity)) { Watched = true };
            // The newcomer is hypothetical: it asks "if one came now", so it is issued without the calendar's check (a
            // lunch break or a cut-off would refuse it; the kiosk says so, the forecast for those waiting still runs).
            var record = new ThemeLine(_lines[theme], _contexts[theme] with { Calendar = null }, Now).Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, RequestId: null));
            newcomer.Issued(record.TicketId, theme, PriorityClass.Normal, _clock);
            _byTicketId[record.TicketId] = newcomer;
            Follow(newcomer);
            _waiting[theme]++;
        }
    }

    /// <summary>The window's state as it is live; the citizen at a calling window reaches it now, one being served finishes after the rest of a service.</summary>
    private void SeedDesk(DeskRun desk, WindowSnapshot window, Random random)
    {
        var state = desk.State;
        (state.State, state.StaffId, state.StaffName, state.PauseReason) = (window.State, window.StaffId, window.StaffName, window.PauseReason);
        (state.Profile, state.ConsecutivePriorityCalls, state.ServedToday, state.Since) = (window.Profile, window.ConsecutivePriorityCalls, window.ServedToday, window.Since);
        // A window's snapshot and its line's are read a moment apart: a ticket still waiting in its line stays there.
        if (window.Current is not { } current || !_themeIndex.TryGetValue(current.ThemeCode, out var theme) || window.State is not (WindowState.Calling or WindowState.Serving)
            || _lines[theme].Tickets.ContainsKey(current.TicketId))
        {
            state.State = window.State is WindowState.Calling or WindowState.Serving ? WindowState.Idle : window.State;
            return;
        }

        state.Current = current;
        var status = window.State == WindowState.Serving ? TicketStatus.Serving : TicketStatus.Called;
        var ticket = Add(theme, current.TicketId, current.DisplayNumber, PriorityClass.Normal, window.Since, status, window.WindowNo, random, -1);
        ticket.Issued(current.TicketId, theme, PriorityClass.Normal, _clock);
        ticket.CalledMinute = _clock;
        var index = Array.IndexOf(_desks, desk);
        if (status == TicketStatus.Called)
        {
            Schedule(_clock + _scenario.WalkMinutes, DayEventKind.Reached, index, ticket);
        }
        else
        {
            var residual = Residual(_scenario.ServiceOf(current.ThemeCode), Math.Max(0, (Now - window.Since).TotalMinutes), random);
            Schedule(_clock + residual, DayEventKind.Completed, index, ticket);
        }
    }

    /// <summary>A ticket already in the line (or at a window) at the start: its record in the theme's state and the simulator's follower.</summary>
    private SimTicket Add(int theme, string ticketId, string number, PriorityClass priority, DateTimeOffset since, TicketStatus status, int? windowNo, Random random, int place)
    {
        var state = _lines[theme];
        state.Tickets[ticketId] = new TicketRecord
        {
            TicketId = ticketId,
            DisplayNumber = number,
            Priority = priority,
            Status = status,
            IssuedAt = since,
            WaitingSince = since,
            QueuedAt = since,
            CalledAt = windowNo is null ? null : Now,
            WindowNo = windowNo,
            BusinessDay = state.BusinessDay,
            Arrival = ++state.Arrivals,
        };
        state.TicketChanged(ticketId);
        var draw = new CitizenDraw(_themeCodes[theme], _clock, priority, _scenario.ServiceOf(_themeCodes[theme]).Sample(random), false, double.PositiveInfinity);
        var ticket = new SimTicket(place, draw) { Watched = place >= 0 };
        _byTicketId[ticketId] = ticket;
        if (ticket.Watched)
        {
            Follow(ticket);
        }

        return ticket;
    }

    private void Follow(SimTicket ticket)
    {
        _watched.Add(ticket);
        _watching++;
    }

    /// <summary>The rest of a service that has lasted <paramref name="elapsed"/> minutes: a draw longer than that, less it (a fresh draw if none comes).</summary>
    private static double Residual(ServiceTimeModel service, double elapsed, Random random)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var draw = service.Sample(random);
            if (draw > elapsed)
            {
                return draw - elapsed;
            }
        }

        return service.Sample(random);
    }

    /// <summary>The hall now, as the hall grain gathers it for a forward prediction (the calibration reads the true day with it).</summary>
    public LiveHall Live() => new(
        _hall,
        Now,
        [.. _themeCodes.Select((_, i) => Line(i).State())],
        [.. _desks.Select(d => d.Desk.Snapshot(Now))],
        _scenario.Demand)
    {
        TidalPlan = _tidal ? _advice.GetValueOrDefault(_scenario.Date) : null,
        Behaviour = _scenario.Behaviour,
    };

    /// <summary>When a ticket was first called (minutes since local midnight); null when it was not (yet).</summary>
    public double? CalledMinute(string ticketId) => _byTicketId.GetValueOrDefault(ticketId)?.CalledMinute;

    /// <summary>The interval of the virtual clock (for the staffing plan that keeps the live windows as they are).</summary>
    internal static int IntervalOf(double minute) => Math.Min((int)(minute / AnalyticsInterval.Minutes), AnalyticsInterval.PerDay - 1);
}

using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// One simulated hall-day under one policy: a discrete-event loop on a virtual clock that drives the domain's own rules
/// exactly as the grains do: a <see cref="ThemeLine"/> per theme over its <see cref="ThemeQueueState"/> (built afresh with the
/// virtual now for every command), a <see cref="WindowDesk"/> per window over its <see cref="WindowDeskState"/>, routing
/// through <see cref="WindowDesk.Choose"/>, the SLA guardian and the tidal plan's switching (<c>HallDay.Moves.cs</c>).
/// The loop keeps only what the product does not: the event calendar, the citizens' draws and the day's tallies.
/// </summary>
internal sealed partial class HallDay
{
    private readonly HallDayScenario _scenario;
    private readonly SimulationPolicy _policy;
    private readonly HallConfig _hall;
    private readonly DateTimeOffset _midnight;
    private readonly string[] _themeCodes;
    private readonly Dictionary<string, int> _themeIndex = [];
    private readonly ThemeQueueState[] _lines;
    private readonly ThemeContext[] _contexts;
    private readonly int[] _waiting;
    private readonly DeskRun[] _desks;
    private readonly List<SimTicket> _tickets;
    private readonly Dictionary<string, SimTicket> _byTicketId = [];
    private readonly PriorityQueue<DayEvent, (double At, long Seq)> _calendar = new();
    private readonly DayTally _tally = new();
    private long _seq;
    private readonly List<(int Index, long Seq)> _arrivals = [];
    private int _nextArrival;
    private DayTickets.DayDrawer? _drawer;
    private double _drawnUntil;
    private bool _tallying = true;
    private double _clock;
    private double _from;
    private bool _guarded;
    private bool _tidal;

    private readonly TidalAdvice? _tidalPlan;
    private readonly bool _guardianActs;

    /// <param name="guardianActs">false: staff leave the SLA guardian's advice alone even under a guardian policy (the staffing search's hall: routing and the tidal plan only).</param>
    public HallDay(HallDayScenario scenario, SimulationPolicy policy, IReadOnlyList<CitizenDraw> draws, TidalAdvice? tidalPlan = null, bool guardianActs = true)
    {
        _scenario = scenario;
        _tidalPlan = tidalPlan;
        _guardianActs = guardianActs;
        _policy = policy;
        _hall = policy == SimulationPolicy.DedicatedFifo ? DedicatedFifo.Hall(scenario) : scenario.Hall;
        var zone = BusinessClock.Zone(_hall.TimeZone);
        var start = scenario.Date.ToDateTime(TimeOnly.MinValue);
        _midnight = new DateTimeOffset(start, zone.GetUtcOffset(start));
        _themeCodes = [.. _hall.ThemeCodes];
        for (var i = 0; i < _themeCodes.Length; i++)
        {
            _themeIndex[_themeCodes[i]] = i;
        }

        _lines = [.. _themeCodes.Select(_ => new ThemeQueueState { Journaled = false })]; // no journal behind a simulated line
        // The lines ask the day's calendar as the product's do (issuing, the wait against the target); arrivals are drawn only
        // while issuing is allowed (DayTickets), so no draw is refused. Without a calendar the day runs Opens–Closes.
        var calendar = scenario.Calendar.HasCalendar ? scenario.Calendar : null;
        _contexts = [.. _hall.Themes.Select(t => ThemeContext.For(_hall, t) with { Calendar = calendar })];
        _waiting = new int[_themeCodes.Length];
        _desks = [.. _hall.Windows.Select(w => new DeskRun(w, new WindowDeskState { Journaled = false }, _hall))];
        _tickets = [.. draws.Select((d, i) => new SimTicket(i, d))];
        _from = scenario.OpensMinute;
        _guarded = policy is SimulationPolicy.QueueRoutingWithGuardian or SimulationPolicy.QueueRoutingWithGuardianAndTidal;
        _tidal = policy == SimulationPolicy.QueueRoutingWithGuardianAndTidal;
    }

    private DateTimeOffset Now => _midnight.AddMinutes(_clock);

    /// <summary>
    /// The theme's line as its grain builds it for one command: over its state, with the current (virtual) time. The grain
    /// checks for a new business day before every command; a simulated day never crosses midnight, so the first check is
    /// the only one that can change anything and the later ones are left out (they cost a time-zone conversion each).
    /// </summary>
    private ThemeLine Line(int theme)
    {
        var line = new ThemeLine(_lines[theme], _contexts[theme], Now);
        if (_lines[theme].BusinessDay == default)
        {
            line.EnsureDay();
        }

        return line;
    }

    public DayResult Run()
    {
        RunEvents();
        return _tally.Result(_scenario, _policy, _tickets.Select(t => t.Outcome(_scenario, t.Theme >= 0 ? _themeCodes[t.Theme] : t.Draw.ThemeCode)).ToList());
    }

    /// <summary>
    /// Runs the day without gathering its result: a forward prediction reads only its followed tickets (<see cref="Followed"/>),
    /// so the windows' busy and idle time is not tallied either.
    /// </summary>
    internal void Simulate()
    {
        _tallying = false;
        RunEvents();
    }

    private void RunEvents()
    {
        var closeAt = _scenario.ClosesMinute + _scenario.ServeAfterClosing.TotalMinutes;
        ScheduleArrivals();
        ScheduleBoundaries();
        StartMoves();
        ScheduleZoneClosings(closeAt);
        Schedule(closeAt, DayEventKind.DayClose, 0);
        while (NextEvent(out var next, out var key))
        {
            Advance(key.At);
            if (next.Kind == DayEventKind.DayClose)
            {
                CloseDay();
                break;
            }

            Handle(next);
            if (_watching == 0)
            {
                break; // a forward prediction: every ticket it follows has been called
            }

        }
    }

    /// <summary>
    /// The arrivals wait in their own list, in (minute, index) order, instead of the calendar's heap: a forward run stops once
    /// its followed tickets are called, long before most of the day's arrivals. Each keeps the sequence number it would have
    /// had in the heap (the first ones of the run, in index order), so <see cref="NextEvent"/> orders them exactly as before.
    /// </summary>
    private void ScheduleArrivals()
    {
        var first = _seq;
        _seq += _tickets.Count;
        var sorted = true;
        for (var i = 0; i < _tickets.Count; i++)
        {
            _arrivals.Add((i, first + i));
            sorted &= i == 0 || _tickets[i - 1].Draw.Minute <= _tickets[i].Draw.Minute;
        }

        if (!sorted)
        {
            _arrivals.Sort((a, b) => (_tickets[a.Index].Draw.Minute, a.Index).CompareTo((_tickets[b.Index].Draw.Minute, b.Index)));
        }
    }

    /// <summary>The next event: the next arrival or the calendar's first, whichever has the smaller (time, sequence).</summary>
    private bool NextEvent(out DayEvent next, out (double At, long Seq) key)
    {
        while (true)
        {
            var hasQueued = _calendar.TryPeek(out _, out var queued);
            if (_nextArrival < _arrivals.Count)
            {
                var (index, seq) = _arrivals[_nextArrival];
                var arrival = (_tickets[index].Draw.Minute, seq);
                if (!hasQueued || arrival.CompareTo(queued) < 0)
                {
                    _nextArrival++;
                    (next, key) = (new DayEvent(DayEventKind.Arrival, index, null), arrival);
                    return true;
                }
            }
            else if (!(hasQueued && queued.At < _drawnUntil) && DrawMore())
            {
                continue; // the drawn arrivals are all in, and the calendar's next event is past them: the next stretch first
            }

            return _calendar.TryDequeue(out next, out key);
        }
    }

    /// <summary>A forward run's next stretch of arrivals (<see cref="DayTickets.DayDrawer"/>); false when the day's are all drawn.</summary>
    private bool DrawMore()
    {
        if (_drawer is null || _drawnUntil >= _scenario.ClosesMinute)
        {
            return false;
        }

        var until = Math.Min(_scenario.ClosesMinute, _drawnUntil + AnalyticsInterval.Minutes);
        foreach (var draw in _drawer.Draw(_drawnUntil, until))
        {
            _arrivals.Add((_tickets.Count, _seq++));
            _tickets.Add(new SimTicket(_tickets.Count, draw));
        }

        _drawnUntil = until;
        return true;
    }

    private void Handle(DayEvent e)
    {
        if (e.Kind is DayEventKind.Reached or DayEventKind.Recall or DayEventKind.Completed && e.Ticket is { End: TicketEnd.Expired })
        {
            // Its zone closed while it was at the window (the zone's day close expires every active ticket, as the product's does): the window is free.
            _desks[e.Subject].Desk.AfterRelease(Now);
            Dispatch();
            return;
        }

        switch (e.Kind)
        {
            case DayEventKind.Arrival: Issue(_tickets[e.Subject]); break;
            case DayEventKind.Patience: Abandon(_tickets[e.Subject]); break;
            case DayEventKind.Reached: StartService(_desks[e.Subject], e.Ticket); break;
            case DayEventKind.Recall: RecallOrNoShow(_desks[e.Subject], e.Ticket); break;
            case DayEventKind.Completed: Complete(_desks[e.Subject], e.Ticket); break;
            case DayEventKind.Boundary: ApplyStaffing(); break;
            case DayEventKind.Guardian: Guard(); break;
            case DayEventKind.TidalFollow: FollowTidalPlan(); break;
            case DayEventKind.Resume: Resume(_tickets[e.Subject]); break;
            case DayEventKind.ZoneClose: CloseZone(e.Subject); break;
        }

        Dispatch();
    }

    private void Issue(SimTicket ticket)
    {
        BeforeIssue?.Invoke(ticket.Index);
        var theme = _themeIndex[ticket.Draw.ThemeCode];
        var priority = _policy == SimulationPolicy.DedicatedFifo ? PriorityClass.Normal : ticket.Draw.Priority;
        var channel = priority == PriorityClass.Appointment ? IssueChannel.Appointment : IssueChannel.Kiosk;
        var record = Line(theme).Issue(new IssueTicket(channel, priority, RequestId: null));
        ticket.Issued(record.TicketId, theme, priority, _clock);
        _byTicketId[record.TicketId] = ticket;
        _waiting[theme]++;
        _tally.Line(_themeCodes[theme], _waiting[theme]);
        if (double.IsFinite(ticket.Draw.PatienceMinutes))
        {
            Schedule(_clock + ticket.Draw.PatienceMinutes, DayEventKind.Patience, ticket.Index);
        }
    }

    /// <summary>Patience ran out: a citizen still waiting for a first call cancels the ticket (a called one stays).</summary>
    private void Abandon(SimTicket ticket)
    {
        var line = Line(ticket.Theme);
        if (ticket.Stage > 0 || line.Lookup(ticket.TicketId!)?.Status != TicketStatus.Waiting)
        {
            return;
        }

        line.Cancel(ticket.TicketId!);
        _waiting[ticket.Theme]--;
        ticket.End = TicketEnd.Cancelled;
        ticket.LeftMinute = _clock;
    }

    /// <summary>
    /// Each zone that closes before the hall's last closing expires its tickets at the end of its last period of the day (as
    /// the product's per-zone day close does, <see cref="DayClose.ZonesDue"/>), after the same serving time as the day close.
    /// </summary>
    private void ScheduleZoneClosings(double closeAt)
    {
        if (!_scenario.Calendar.HasCalendar)
        {
            return;
        }

        foreach (var (zone, index) in _scenario.Calendar.ZoneIds.OfType<string>().Select((z, i) => (z, i)))
        {
            if (_scenario.Calendar.LastClosing(zone, _scenario.Date) is { } closing
                && (closing - _midnight).TotalMinutes + _scenario.ServeAfterClosing.TotalMinutes is var at && at < closeAt && at > _from)
            {
                Schedule(at, DayEventKind.ZoneClose, index);
            }
        }
    }

    private void CloseZone(int zone)
    {
        var zoneId = _scenario.Calendar.ZoneIds.OfType<string>().ElementAt(zone);
        CloseDay(theme => _hall.Themes[theme].ZoneId == zoneId);
    }

    /// <summary>The day closes as the product closes it: every line's <see cref="ThemeLine.CloseDay"/> expires what is left.</summary>
    private void CloseDay(Func<int, bool>? which = null)
    {
        for (var theme = 0; theme < _lines.Length; theme++)
        {
            if (which is not null && !which(theme))
            {
                continue;
            }

            var line = Line(theme);
            line.CloseDay();
            foreach (var ticket in _tickets.Where(t => t.Theme == theme && t.End == TicketEnd.Open && t.TicketId is not null))
            {
                if (line.Lookup(ticket.TicketId!)?.Status == TicketStatus.Expired)
                {
                    (ticket.End, ticket.LeftMinute) = (TicketEnd.Expired, _clock);
                }
            }
        }
    }

    /// <summary>Moves the virtual clock, crediting the window tallies for the time that passed.</summary>
    private void Advance(double at)
    {
        var elapsed = at - _clock;
        if (elapsed > 0 && _tallying)
        {
            // Loops, not LINQ: this runs at every event of every replication (two closures per window each time were a fifth of a
            // forward prediction's allocations).
            var anyoneWaits = Array.Exists(_waiting, static w => w > 0);
            foreach (var desk in _desks)
            {
                _tally.Window(desk, elapsed, anyoneWaits, anyoneWaits && SomeoneWaitsFor(desk));
            }
        }

        _clock = Math.Max(_clock, at);
    }

    private void Schedule(double at, DayEventKind kind, int subject, SimTicket? ticket = null) =>
        _calendar.Enqueue(new DayEvent(kind, subject, ticket), (at, _seq++));
}

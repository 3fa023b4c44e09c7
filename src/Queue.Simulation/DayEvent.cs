namespace Queue.Simulation;

/// <summary>What happens at a moment of the simulated day.</summary>
internal enum DayEventKind
{
    /// <summary>A citizen takes a ticket.</summary>
    Arrival,

    /// <summary>A waiting citizen's patience runs out.</summary>
    Patience,

    /// <summary>The called citizen reaches the window; service starts.</summary>
    Reached,

    /// <summary>The called citizen has not come: the window recalls, or marks the no-show once the hall's recalls are made.</summary>
    Recall,

    /// <summary>The service ends.</summary>
    Completed,

    /// <summary>A zone's last period of the day has ended: its lines expire what is left (the hall's day close comes later).</summary>
    ZoneClose,

    /// <summary>A 30-minute boundary: the staffing plan's windows open, close or change profile.</summary>
    Boundary,

    /// <summary>The SLA guardian evaluates; its moves are applied.</summary>
    Guardian,

    /// <summary>The applied tidal plan is followed.</summary>
    TidalFollow,

    /// <summary>A held citizen (容缺) is back with what was missing: the ticket resumes.</summary>
    Resume,

    /// <summary>The day closes.</summary>
    DayClose,
}

/// <summary>An entry of the event calendar: its kind, the ticket or window index it concerns, and the ticket a window event is about.</summary>
internal readonly record struct DayEvent(DayEventKind Kind, int Subject, SimTicket? Ticket);

/// <summary>A citizen's ticket as the simulator follows it (the line itself is the domain's).</summary>
internal sealed class SimTicket(int index, CitizenDraw draw)
{
    public int Index => index;

    public CitizenDraw Draw => draw;

    public string? TicketId { get; private set; }

    public int Theme { get; private set; } = -1;

    public Queue.Contracts.Model.PriorityClass Priority { get; private set; }

    public double IssuedMinute { get; private set; }

    public double? CalledMinute { get; set; }

    /// <summary>The window that called the ticket last.</summary>
    public int? WindowNo { get; set; }

    public TicketEnd End { get; set; }

    /// <summary>0 until the first service ends; 1 once transferred or held (the second service follows).</summary>
    public int Stage { get; set; }

    public double? LeftMinute { get; set; }

    /// <summary>A ticket whose call a forward prediction waits for (one in the line at the start, or the newcomer).</summary>
    public bool Watched { get; init; }

    public void Issued(string ticketId, int theme, Queue.Contracts.Model.PriorityClass priority, double minute) =>
        (TicketId, Theme, Priority, IssuedMinute) = (ticketId, theme, priority, minute);

    /// <summary>The ticket was transferred: it now waits in another theme's line.</summary>
    public void MovedTo(int theme) => (Theme, Stage) = (theme, 1);

    /// <param name="lineCode">The theme whose line the ticket waited in last (its zone's closed time is left out of the target).</param>
    public TicketOutcome Outcome(HallDayScenario scenario, string lineCode) => new(draw.ThemeCode, Priority, IssuedMinute, CalledMinute, LeftMinute, End)
    {
        WindowNo = WindowNo,
        ClosedMinutes = TicketId is null ? 0 : scenario.ClosedMinutes(lineCode, IssuedMinute, CalledMinute ?? LeftMinute ?? IssuedMinute),
    };
}

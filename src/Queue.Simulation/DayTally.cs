namespace Queue.Simulation;

/// <summary>The day's running tallies of windows and lines, kept as the virtual clock moves.</summary>
internal sealed class DayTally
{
    private double _open;
    private double _busy;
    private double _idleWhileLineWaits;
    private double _idleWhileHallWaits;
    private int _longestLine;
    private string? _longestLineTheme;
    private int _moves;

    public void Window(DeskRun desk, double minutes, bool anyoneWaits, bool servedLineWaits)
    {
        if (!desk.IsOpen)
        {
            return;
        }

        _open += minutes;
        if (desk.IsBusy)
        {
            _busy += minutes;
            return;
        }

        _idleWhileHallWaits += anyoneWaits ? minutes : 0;
        _idleWhileLineWaits += servedLineWaits ? minutes : 0;
    }

    public void Line(string theme, int waiting)
    {
        if (waiting > _longestLine)
        {
            (_longestLine, _longestLineTheme) = (waiting, theme);
        }
    }

    public void Moved() => _moves++;

    public DayResult Result(HallDayScenario scenario, SimulationPolicy policy, IReadOnlyList<TicketOutcome> tickets) => new(
        policy,
        tickets,
        scenario.OpensMinute + scenario.Warmup.TotalMinutes,
        scenario.ClosesMinute - scenario.Cooldown.TotalMinutes,
        scenario.Hall.Themes.ToDictionary(t => t.Code, t => t.TargetMinutes),
        new WindowFigures(_open, _busy, _idleWhileLineWaits, _idleWhileHallWaits),
        _longestLine,
        _longestLineTheme,
        _moves);
}

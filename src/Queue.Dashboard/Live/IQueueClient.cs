using Queue.Contracts.Snapshots;

namespace Queue.Dashboard.Live;

/// <summary>What the server pushes to boards, terminals and phones.</summary>
public interface IQueueClient
{
    /// <summary>
    /// Hall events in sequence order, without ticket ids; a call carries what a board shows (number, window, theme, the
    /// masked name). A client that sees a gap asks for a new snapshot (GetSnapshot).
    /// </summary>
    Task Events(EventBatch batch);

    /// <summary>The hall as it is now (lines and windows), to window terminals and the manager view, on the slow refresh.</summary>
    Task Hall(HallSnapshot snapshot);

    /// <summary>The lines' figures (waiting, longest and predicted waits), to boards and kiosks, on the slow refresh.</summary>
    Task Figures(HallFigures figures);

    /// <summary>A watched ticket changed (to the ticket's own group only).</summary>
    Task Ticket(TicketSnapshot ticket);

    /// <summary>A theme's line changed (to phones watching a ticket in that line).</summary>
    Task Line(LineView line);
}

using Queue.Contracts.Snapshots;

namespace Queue.Dashboard.Live;

/// <summary>What the server pushes to boards, terminals and phones.</summary>
public interface IQueueClient
{
    /// <summary>Hall events in sequence order, without ticket ids. A client that sees a gap asks for a new snapshot.</summary>
    Task Events(EventBatch batch);

    /// <summary>The hall as it is now (lines and windows), pushed shortly after changes.</summary>
    Task Hall(HallSnapshot snapshot);

    /// <summary>A watched ticket changed (to the ticket's own group only).</summary>
    Task Ticket(TicketSnapshot ticket);

    /// <summary>A theme's line changed (to phones watching a ticket in that line).</summary>
    Task Line(LineView line);
}

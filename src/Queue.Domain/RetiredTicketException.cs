namespace Queue.Domain;

/// <summary>The ticket of a repeated request has finished and left the theme's state; its history is in the journal.</summary>
public sealed class RetiredTicketException(string ticketId) : Exception($"ticket {ticketId} is only in the journal")
{
    public RetiredTicketException()
        : this("unknown")
    {
    }

    public RetiredTicketException(string message, Exception innerException)
        : this(message + ": " + innerException.Message)
    {
    }

    public string TicketId { get; } = ticketId;
}

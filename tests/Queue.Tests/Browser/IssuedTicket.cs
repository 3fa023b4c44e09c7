namespace Queue.Tests.Browser;

public sealed record IssuedTicket(string TicketId, string DisplayNumber);

namespace Queue.LoadTests.Scenarios;

/// <summary>A ticket the generator took, with the key of its link: what a citizen's phone holds to watch it.</summary>
public sealed record IssuedTicket(string TicketId, string AccessKey);

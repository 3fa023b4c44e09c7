namespace Queue.Dashboard.Live;

/// <summary>One thing a connection watches: a hall (or a zone of it), a window, a ticket, a theme's line, or the manager view.</summary>
public sealed record LiveWatch(string HallId, string? Zone = null, int? Window = null, string? Ticket = null, string? Line = null, bool Manager = false);

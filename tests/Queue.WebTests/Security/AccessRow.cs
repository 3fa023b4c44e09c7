namespace Queue.WebTests.Security;

/// <summary>
/// One cell row of the access matrix: a route (as the server names it), how to call it in the test world, and
/// which callers the design lets through. <see cref="WithKey"/> sends the ticket's key (X-Ticket-Key).
/// </summary>
public sealed record AccessRow(
    string Method,
    string Route,
    Func<SecurityWorld, Callers, string> Path,
    Callers[] Allowed,
    Func<SecurityWorld, Callers, object?>? Body = null,
    bool WithKey = false)
{
    public override string ToString() => $"{Method} {Route}{(WithKey ? " (with the ticket's key)" : "")}";
}

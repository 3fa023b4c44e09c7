namespace Queue.Dashboard.Security;

/// <summary>Where the first start prints the administrator's password: the console, never the log (a test reads it).</summary>
public sealed record FirstStartConsole(TextWriter Writer);

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Queue.WebTests.Http;

/// <summary>What the node logged (warnings and above, as the fixture sets the level), so a test can say what must not be logged.</summary>
public sealed class RecordedLogs : ILoggerProvider
{
    public ConcurrentQueue<RecordedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue(new RecordedLog(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record RecordedLog(string Category, LogLevel Level, string Message, Exception? Exception);

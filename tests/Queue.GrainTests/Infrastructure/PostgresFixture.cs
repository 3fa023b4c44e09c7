namespace Queue.GrainTests;

/// <summary>One real PostgreSQL server for a test class; tests keep apart by their own grain keys and hall ids.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public string ConnectionString => Server.ConnectionString;

    public Task InitializeAsync() => Server.StartAsync();

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}

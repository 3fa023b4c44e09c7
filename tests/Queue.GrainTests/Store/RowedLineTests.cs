using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Engine.Persistence;

namespace Queue.GrainTests.Store;

/// <summary>
/// A theme's line is stored as its counters plus a row per open ticket and request id: a write carries the rows its
/// events touched, so the payload does not grow with the line, and a restart puts every ticket back in its order.
/// </summary>
public sealed class RowedLineTests : IAsyncLifetime
{
    private const string Hall = "rows";
    private const int Waiting = 300;
    private readonly QueueClusterFixture _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task TheStoredPayloadDoesNotGrowWithTheLineAndARestartPutsEveryTicketBackInOrder()
    {
        await _cluster.Grains.GetGrain<IHallGrain>(Hall).ConfigureAsync(TestHalls.Small(Hall, ["BDC"], WindowProfile.Dedicated("BDC")));
        await Theme.IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "r0"));
        var first = await StoredAsync();
        var issued = await Task.WhenAll(Enumerable.Range(1, Waiting - 1).Select(i => Theme.IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, $"r{i}"))));
        var full = await StoredAsync();

        // The counters grew by a few bytes (the last number, the arrivals); the tickets and request ids are rows.
        Assert.InRange(full.Payload.Length, first.Payload.Length, first.Payload.Length + 16);
        Assert.Equal((Waiting, Waiting), (full.Rows.Count(r => r.Key.StartsWith("t:", StringComparison.Ordinal)), full.Rows.Count(r => r.Key.StartsWith("r:", StringComparison.Ordinal))));

        await _cluster.RestartAsync();

        var line = await Theme.GetLineAsync();
        Assert.Equal(Waiting, line.Waiting.Length);
        await Window.SignInAsync(new SignIn("s1", "张三"));
        Assert.Equal("A001", (await Window.CallNextAsync()).Current!.DisplayNumber);
        await Window.StartServiceAsync();
        await Window.CompleteAsync(new CompleteService(ServiceOutcome.Done, null));
        Assert.Equal("A002", (await Window.CallNextAsync()).Current!.DisplayNumber);
        // A retried request is answered with its ticket; a new one continues the numbering.
        Assert.Equal(issued[^1].TicketId, (await Theme.IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, $"r{Waiting - 1}"))).TicketId);
        Assert.Equal($"A{Waiting + 1}", (await Theme.IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "r-new"))).DisplayNumber);

        // The finished ticket's row is gone, the called one's changed.
        var after = await StoredAsync();
        Assert.Equal(Waiting, after.Rows.Count(r => r.Key.StartsWith("t:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AChangeOfATicketWithoutItsEventFailsTheWriteInsteadOfVanishingAtTheNextRestart()
    {
        var storage = _cluster.SiloServices.GetRequiredKeyedService<IGrainStorage>(QueueGrainStorage.ProviderName);
        var id = GrainId.Create("themequeue", "rows-check/BDC");
        var state = new ThemeQueueState { BusinessDay = new DateOnly(2026, 12, 7) };
        var ticket = new TicketRecord { TicketId = "t-1", DisplayNumber = "A001", Status = TicketStatus.Waiting };
        state.Tickets[ticket.TicketId] = ticket;
        state.TicketChanged(ticket.TicketId);
        var grainState = new GrainState<ThemeQueueState>(state);
        await storage.WriteStateAsync("line", id, grainState);

        ticket.Status = TicketStatus.Called; // as a rule that forgot its event would

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteStateAsync("line", id, grainState));
        Assert.Contains("t:t-1", failure.Message, StringComparison.Ordinal);
    }

    private IThemeQueueGrain Theme => _cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(Hall, "BDC"));

    private IWindowGrain Window => _cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(Hall, 1));

    private async Task<StoredState> StoredAsync()
    {
        var store = _cluster.SiloServices.GetRequiredService<IStateStore>();
        var key = GrainKeys.Theme(Hall, "BDC");
        var type = (await ListTypesAsync()).Single();
        return (await store.ReadAsync(type, key))!;
    }

    private async Task<List<string>> ListTypesAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_cluster.DataPath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_type FROM grain_state WHERE grain_key = $key";
        command.Parameters.AddWithValue("$key", GrainKeys.Theme(Hall, "BDC"));
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }
}

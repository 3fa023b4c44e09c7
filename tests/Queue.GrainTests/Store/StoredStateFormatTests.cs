using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.GrainTests.Store;

/// <summary>
/// Grain state is written with Orleans' serializer, its declared type as the root: the bytes carry field ids and values
/// but no type or namespace name, so a state type can move between namespaces and assemblies (as it did when the rules
/// left the silo for Queue.Domain) and the rows written before still load. Only the field ids must never change.
/// </summary>
public sealed class StoredStateFormatTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(WindowDeskState).Assembly).AddAssembly(typeof(CurrentTicket).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void AWindowsStoredStateNamesNoTypeAndReadsBackFieldForField()
    {
        var state = new WindowDeskState
        {
            State = WindowState.Calling,
            StaffId = "s-7",
            StaffName = "王*",
            Current = new CurrentTicket("t-1", "SW", "A012", "张*"),
            ConsecutivePriorityCalls = 1,
            ServedToday = 9,
            ServedDay = new DateOnly(2026, 12, 7),
            Since = T0,
            Version = 42,
        };

        var bytes = Serializer.SerializeToArray(state);
        var back = Serializer.Deserialize<WindowDeskState>(bytes)!;

        AssertNamesNoType(bytes, nameof(WindowDeskState), nameof(CurrentTicket));
        Assert.Equal((state.State, state.StaffId, state.StaffName, state.Current, state.ServedToday, state.ServedDay, state.Since, state.Version),
            (back.State, back.StaffId, back.StaffName, back.Current, back.ServedToday, back.ServedDay, back.Since, back.Version));
    }

    [Fact]
    public void AThemesStoredLineKeepsItsTicketsAndRequestIdsInRowsAndItsPayloadDoesNotGrowWithThem()
    {
        var state = Line();
        var empty = Serializer.SerializeToArray(new ThemeQueueState { BusinessDay = state.BusinessDay, LastNumber = 12, Arrivals = 12 }).Length;
        var bytes = Serializer.SerializeToArray(state);
        var changes = state.TakeRowChanges(Codec.Instance);

        AssertNamesNoType(bytes, nameof(ThemeQueueState), nameof(TicketRecord), nameof(ServiceStats));
        Assert.True(bytes.Length <= empty + 8, $"the payload took {bytes.Length} bytes with tickets and {empty} without");
        Assert.Equal(["r:r-12", "t:t-12"], changes.Rows.Select(r => r.Key).Order());
        Assert.Empty(state.TakeRowChanges(Codec.Instance).Rows); // taken once

        var back = Serializer.Deserialize<ThemeQueueState>(bytes)!;
        back.LoadRows(changes.Rows, Codec.Instance);
        var ticket = Assert.Single(back.Tickets).Value;
        Assert.Equal(("A012", TicketStatus.Waiting, T0, 12L), (ticket.DisplayNumber, ticket.Status, ticket.IssuedAt, ticket.Arrival));
        Assert.Equal(("t-12", 12, 1L), (back.RequestIds["r-12"], back.LastNumber, back.RequestCount));
        Assert.True(back.TakeRowChanges(Codec.Instance).IsEmpty, "a line read back has nothing to write");
    }

    [Fact]
    public void ALineReadBackJournalsItsEventsWhateverStateItWasWrittenFrom()
    {
        // The simulator's lines build no events (Journaled = false); the flag is not stored, so no line comes back silent.
        var back = Serializer.Deserialize<ThemeQueueState>(Serializer.SerializeToArray(new ThemeQueueState { Journaled = false, LastNumber = 3 }))!;

        Assert.True(back.Journaled);
        Assert.Equal(3, back.LastNumber);
    }

    [Fact]
    public void ALineStoredBeforeRowsLoadsItsTicketsFromThePayloadAndRewritesThemAsRows()
    {
        // The payload as it was written before rows: the tickets and request ids inside it, at their old field ids 2, 3 and 7.
        var older = new ThemeQueueState
        {
            BusinessDay = new DateOnly(2026, 12, 7),
            LastNumber = 12,
            TicketsBeforeRows = new() { ["t-12"] = new TicketRecord { TicketId = "t-12", DisplayNumber = "A012", Status = TicketStatus.Waiting, IssuedAt = T0, Arrival = 12 } },
            RequestIdsBeforeRows = new() { ["r-11"] = "t-11", ["r-12"] = "t-12" },
            RequestOrderBeforeRows = new(["r-11", "r-12"]),
        };

        var back = Serializer.Deserialize<ThemeQueueState>(Serializer.SerializeToArray(older))!;
        back.LoadRows([], Codec.Instance);

        Assert.Equal(("A012", "t-11", "t-12"), (back.Tickets["t-12"].DisplayNumber, back.RequestIds["r-11"], back.RequestIds["r-12"]));
        Assert.Null(back.TicketsBeforeRows);
        var rewrite = back.TakeRowChanges(Codec.Instance);
        Assert.True(rewrite.ReplaceAll);
        Assert.Equal(["r:r-11", "r:r-12", "t:t-12"], rewrite.Rows.Select(r => r.Key).Order());
    }

    [Fact]
    public void TheOldestRequestIdIsForgottenFirstAlsoAfterARestart()
    {
        var state = new ThemeQueueState();
        for (var i = 0; i < ThemeQueueState.MaxRequestIds; i++)
        {
            state.RememberRequest($"r-{i}", $"t-{i}");
        }

        var back = new ThemeQueueState();
        back.LoadRows(state.TakeRowChanges(Codec.Instance).Rows.Reverse().ToList(), Codec.Instance);
        back.RememberRequest("r-new", "t-new");

        Assert.False(back.RequestIds.ContainsKey("r-0"));
        Assert.True(back.RequestIds.ContainsKey("r-1"));
        Assert.Equal([new StoredRow("r:r-0", null)], back.TakeRowChanges(Codec.Instance).Rows.Where(r => r.Payload is null));
    }

    private static ThemeQueueState Line()
    {
        var state = new ThemeQueueState { BusinessDay = new DateOnly(2026, 12, 7), LastNumber = 12, Arrivals = 12 };
        state.Tickets["t-12"] = new TicketRecord { TicketId = "t-12", DisplayNumber = "A012", Status = TicketStatus.Waiting, IssuedAt = T0, Arrival = 12 };
        state.TicketChanged("t-12");
        state.RememberRequest("r-12", "t-12");
        return state;
    }

    private sealed class Codec : IRowCodec
    {
        public static readonly Codec Instance = new();

        public byte[] Encode<T>(T value) => Serializer.SerializeToArray(value);

        public T Decode<T>(byte[] payload) => Serializer.Deserialize<T>(payload)!;
    }

    private static void AssertNamesNoType(byte[] bytes, params string[] typeNames)
    {
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var name in typeNames.Append("Queue.Domain").Append("Queue.Silo").Append("Queue.Engine"))
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        }
    }
}

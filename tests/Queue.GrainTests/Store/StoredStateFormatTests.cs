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
    public void AThemesStoredLineNamesNoTypeAndKeepsItsTickets()
    {
        var state = new ThemeQueueState { BusinessDay = new DateOnly(2026, 12, 7), LastNumber = 12, Arrivals = 12 };
        state.Tickets["t-12"] = new TicketRecord { TicketId = "t-12", DisplayNumber = "A012", Status = TicketStatus.Waiting, IssuedAt = T0, Arrival = 12 };
        state.RequestIds["r-12"] = "t-12";
        state.RequestOrder.Enqueue("r-12");

        var bytes = Serializer.SerializeToArray(state);
        var back = Serializer.Deserialize<ThemeQueueState>(bytes)!;

        AssertNamesNoType(bytes, nameof(ThemeQueueState), nameof(TicketRecord), nameof(ServiceStats));
        var ticket = Assert.Single(back.Tickets).Value;
        Assert.Equal(("A012", TicketStatus.Waiting, T0, 12L), (ticket.DisplayNumber, ticket.Status, ticket.IssuedAt, ticket.Arrival));
        Assert.Equal(("t-12", "r-12", 12), (back.RequestIds["r-12"], back.RequestOrder.Single(), back.LastNumber));
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

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Engine.Persistence;

namespace Queue.Benchmarks.HotPaths;

/// <summary>
/// The functions a durable ticket runs that the profile found hot (docs/performance.md, "Where a ticket's CPU goes"):
/// the theme's state serialized for every write (Orleans' serializer, as <see cref="QueueGrainStorage"/> does: since the
/// line is kept in rows, its counters only; <see cref="SerializeWholeLine"/> is the whole line as every write carried it
/// before), and the decision (<see cref="ThemeLine.Issue"/>); <see cref="EventJson"/> has the journal's JSON of one event.
/// A line is the demo hall's first theme with <see cref="Waiting"/> tickets issued as kiosks do (a unique request id each,
/// so the last 1,024 request ids are kept too).
/// </summary>
[MemoryDiagnoser]
public class TicketHotPaths
{
    private Serializer _serializer = null!;
    private ThemeQueueState _state = null!;
    private ThemeLine _line = null!;
    private byte[] _payload = [];
    private ThemeQueueState _wholeLine = null!;
    private long _requests;

    [Params(0, 1_000, 10_000)]
    public int Waiting { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        (_state, _line) = Line(Waiting);
        _wholeLine = new ThemeQueueState { BusinessDay = _state.BusinessDay, LastNumber = _state.LastNumber, Arrivals = _state.Arrivals, TicketsBeforeRows = _state.Tickets };
        _payload = _serializer.SerializeToArray(_wholeLine);
        Console.WriteLine($"// {Waiting} waiting: the state is {_serializer.SerializeToArray(_state).Length:N0} bytes with its tickets in rows, {_payload.Length:N0} bytes with the whole line");
        _state.PendingEvents.Clear();
    }

    /// <summary>The theme's state to bytes: what every write of the theme grain serializes besides the rows it changed.</summary>
    [Benchmark]
    public byte[] SerializeState() => _serializer.SerializeToArray(_state);

    /// <summary>The whole line to bytes, as every write did before the tickets were kept in rows.</summary>
    [Benchmark]
    public byte[] SerializeWholeLine() => _serializer.SerializeToArray(_wholeLine);

    /// <summary>The whole line's bytes back to the state: what an activation (or a recovery) cost before rows; rows cost about the same to read.</summary>
    [Benchmark]
    public ThemeQueueState? DeserializeState() => _serializer.Deserialize<ThemeQueueState>(_payload);

    /// <summary>One issue into the line; the ticket leaves again at once, so the line keeps its length.</summary>
    [Benchmark]
    public TicketRecord Issue() => IssueOne(_line, _state, "bench-" + ++_requests).Ticket;

    /// <summary>
    /// The decision as ThemeQueueGrain.IssueAsync takes it: the issue, the line's load for the wait outlook, and the answer's
    /// snapshot (people ahead, predicted wait); both of the latter count the waiting tickets.
    /// </summary>
    [Benchmark]
    public TicketSnapshot IssueAndAnswer()
    {
        var ticket = _line.Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "bench-" + ++_requests));
        var load = _line.Load;
        var answer = _line.Snapshot(ticket, load.Waiting > 0 ? 2 : 1);
        _state.Tickets.Remove(ticket.TicketId);
        _state.TicketChanged(ticket.TicketId);
        _state.PendingEvents.Clear();
        return answer;
    }

    internal static (ThemeQueueState State, ThemeLine Line) Line(int waiting)
    {
        var hall = DemoHall.Load();
        var theme = hall.Themes[0];
        var state = new ThemeQueueState();

        // Always open (the benchmark runs at any hour): no calendar, as in a hall that does not enforce its hours.
        var line = new ThemeLine(state, new ThemeContext(hall.HallId, hall.TimeZone, theme, hall.Policy), DateTimeOffset.UtcNow);
        line.EnsureDay();
        for (var i = 0; i < waiting; i++)
        {
            line.Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "setup-" + i));
        }

        return (state, line);
    }

    internal static (TicketRecord Ticket, HallEvent Event) IssueOne(ThemeLine line, ThemeQueueState state, string requestId)
    {
        var ticket = line.Issue(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, requestId));
        state.Tickets.Remove(ticket.TicketId);
        state.TicketChanged(ticket.TicketId);
        var issued = state.PendingEvents[^1];
        state.PendingEvents.Clear();
        return (ticket, issued);
    }
}

/// <summary>One TicketIssued event to the journal's JSON and back (<see cref="HallEventJson"/>), as every write and every read-back of the journal does.</summary>
[MemoryDiagnoser]
public class EventJson
{
    private HallEvent _event = null!;
    private string _json = "";

    [GlobalSetup]
    public void Setup()
    {
        var (state, line) = TicketHotPaths.Line(0);
        _event = TicketHotPaths.IssueOne(line, state, "setup").Event with { Sequence = 12_345 };
        _json = HallEventJson.Serialize(_event);
    }

    [Benchmark]
    public string Serialize() => HallEventJson.Serialize(_event);

    [Benchmark]
    public HallEvent Deserialize() => HallEventJson.Deserialize(_json);
}

/// <summary>A whole line expired at the day's close (<see cref="ThemeLine.CloseDay"/>), as the hall's day close and the end of every forward prediction's simulated day do.</summary>
[MemoryDiagnoser]
public class DayClose
{
    private ThemeLine _line = null!;

    [Params(1_000, 10_000)]
    public int Waiting { get; set; }

    /// <summary>A line as the grain holds it: its index built (every issue's answer counts the people ahead).</summary>
    [IterationSetup]
    public void Setup()
    {
        _line = TicketHotPaths.Line(Waiting).Line;
        _ = _line.Load;
    }

    [Benchmark]
    [InvocationCount(1, 1)]
    public int CloseDay() => _line.CloseDay();
}

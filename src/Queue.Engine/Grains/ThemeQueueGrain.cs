using Queue.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Runtime;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Engine.Persistence;

namespace Queue.Engine.Grains;

/// <summary>
/// One theme's line. A command decides and changes the state in one synchronous step (<see cref="ThemeLine"/>)
/// and answers once a write including that change has committed. The grain is reentrant so that commands
/// arriving while a write is in flight share the next write instead of queueing for a commit each: decisions
/// never span an await, so interleaving cannot split one. Outbound transfers that were not confirmed are
/// retried by a timer, so a crash between the two themes loses no ticket.
/// </summary>
[Reentrant]
public sealed class ThemeQueueGrain(
    [PersistentState("theme", QueueGrainStorage.ProviderName)] IPersistentState<ThemeQueueState> state,
    IStateStore store,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<ThemeQueueState>(state), IThemeQueueGrain
{
    private ThemeContext? _context;
    private ThemeTransferRetries? _retries;
    private ThemeCapacityCache? _capacity;
    private (string HallId, string Part)? _key;

    private (string HallId, string Part) Key => _key ??= GrainKeys.Split(this.GetPrimaryKeyString());

    private string HallId => Key.HallId;

    private string ThemeCode => Key.Part;

    private IHallGrain Hall => HallOf(HallId);

    private ThemeTransferRetries Retries => _retries ??= new(this, GrainFactory, HallId, () => State, WhenCommitted);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Retries.Arm();
        return Task.CompletedTask;
    }

    public async Task<TicketSnapshot> IssueAsync(IssueTicket command)
    {
        try
        {
            var (line, ticket) = await Run(await Context(), l => l.Issue(command));
            var outlook = await Outlook(line);
            return line.Snapshot(ticket, outlook.ServingWindows, outlook.Forecast);
        }
        catch (RetiredTicketException retired)
        {
            var context = await Context();
            return TicketHistory.Rebuild(await store.ReadTicketEventsAsync(retired.TicketId), context.TimeZone)
                ?? throw Refusals.TicketNotFound();
        }
    }

    public async Task<IReadOnlyList<QueueCandidate>> GetCandidatesAsync(int windowNo) =>
        (await Run(await Context(), l => l.Candidates(windowNo))).Value;

    public async Task<TicketSnapshot?> ClaimAsync(QueueCandidate chosen, int windowNo)
    {
        var (line, ticket) = await Run(await Context(), l => l.Claim(chosen.TicketId, windowNo) ?? l.ClaimNextLike(chosen, windowNo));
        return ticket is null ? null : line.Snapshot(ticket, 0);
    }

    public Task<TicketSnapshot> RecallAsync(string ticketId, int windowNo) => Command(l => l.Recall(ticketId, windowNo));

    public Task<TicketSnapshot> StartServiceAsync(string ticketId, int windowNo) => Command(l => l.StartService(ticketId, windowNo));

    public Task<TicketSnapshot> CompleteAsync(string ticketId, int windowNo, CompleteService command) =>
        Command(l => l.Complete(ticketId, windowNo, command));

    public Task<TicketSnapshot> NoShowAsync(string ticketId, int windowNo) => Command(l => l.NoShow(ticketId, windowNo));

    public Task<TicketSnapshot> HoldAsync(string ticketId, int windowNo, string reason) => Command(l => l.Hold(ticketId, windowNo, reason));

    public async Task<TransferredTicket> TransferOutAsync(string ticketId, int windowNo, string toTheme, int? toWindow, string? note)
    {
        var result = (await Run(await Context(), l => l.TransferOut(ticketId, windowNo, toTheme, toWindow, note))).Value;
        Retries.Arm();
        return result;
    }

    public async Task AcceptTransferAsync(TransferredTicket ticket) => await Run(await Context(), l => l.AcceptTransfer(ticket));

    public async Task TransferDeliveredAsync(string ticketId) => await Run(await Context(), l => l.TransferDelivered(ticketId));

    public Task<TicketSnapshot> CancelAsync(string ticketId) => Command(l => l.Cancel(ticketId));

    public Task<TicketSnapshot> RejoinAsync(string ticketId) => Command(l => l.Rejoin(ticketId));

    public Task<TicketSnapshot> ResumeHoldAsync(string ticketId) => Command(l => l.ResumeHold(ticketId));

    public Task<TicketSnapshot> ArriveAsync(string ticketId) => Command(l => l.Arrive(ticketId));

    public async Task<TicketLookup?> FindAsync(string ticketId)
    {
        var (line, ticket) = await Run(await Context(), l => l.Lookup(ticketId));
        if (ticket is null)
        {
            return null;
        }

        var outlook = ticket.Status == TicketStatus.Waiting ? await Outlook(line, fresh: true) : NoOutlook;
        return new TicketLookup(line.Snapshot(ticket, outlook.ServingWindows, outlook.Forecast), ticket.Status == TicketStatus.Transferred ? ticket.TransferredTo : null);
    }

    public async Task<TicketSnapshot?> GetAssignedAsync(int windowNo)
    {
        var (line, ticket) = await Run(await Context(), l => l.Assigned(windowNo));
        return ticket is null ? null : line.Snapshot(ticket, 0);
    }

    public Task<LineView> GetLineAsync() => WithFreshOutlook((line, outlook) => line.Line(outlook.ServingWindows, outlook.Forecast));

    public Task<ThemeQueueSnapshot> GetStatsAsync() => WithFreshOutlook((line, outlook) => line.Stats(outlook.ServingWindows, outlook.Forecast));

    /// <summary>The hall snapshot's figures: the capacity from what the hall handed down, this line's load in (no call back).</summary>
    public async Task<ThemeStatsReply> GetStatsAsync(HallOutlook hall)
    {
        var (line, _) = await Run(await Context(), _ => true);
        var outlook = HallThemes.Outlook(hall, line.Load);
        return new(line.Stats(outlook.ServingWindows, outlook.Forecast), line.Load);
    }

    public async Task<LineState> GetLineStateAsync() => (await Run(await Context(), l => l.State())).Value;

    public Task ConfigChangedAsync(HallConfig config)
    {
        _context = config.FindTheme(ThemeCode) is { } theme ? ThemeContext.For(config, theme) : null;
        return Task.CompletedTask;
    }

    public async Task<int> CloseDayAsync() => (await Run(await Context(), l => l.CloseDay())).Value;

    private async Task<TicketSnapshot> Command(Func<ThemeLine, TicketRecord> command)
    {
        var (line, ticket) = await Run(await Context(), command);
        var outlook = ticket.Status == TicketStatus.Waiting ? await Outlook(line) : NoOutlook;
        return line.Snapshot(ticket, outlook.ServingWindows, outlook.Forecast);
    }

    private async Task<T> WithFreshOutlook<T>(Func<ThemeLine, WaitOutlook, T> read)
    {
        var (line, _) = await Run(await Context(), _ => true);
        return read(line, await Outlook(line, fresh: true));
    }

    private async Task<(ThemeLine Line, T Value)> Run<T>(ThemeContext context, Func<ThemeLine, T> command)
    {
        var line = new ThemeLine(State, context, clock.GetUtcNow());
        line.EnsureDay();
        T result;
        try
        {
            result = command(line);
        }
        catch (QueueRuleException) when (line.Dirty)
        {
            // A refusal changes nothing, but a day rollover before it did: keep that.
            await SaveAsync();
            throw;
        }

        if (line.Dirty)
        {
            await SaveAsync();
        }

        return (line, result);
    }

    private async Task<ThemeContext> Context()
    {
        if (_context is not null)
        {
            return _context;
        }

        var hall = await Hall.GetConfigAsync() ?? throw HallNotFound(HallId);
        return _context = ThemeContext.For(hall, hall.FindTheme(ThemeCode) ?? throw Refusals.ThemeNotFound(ThemeCode, HallId));
    }

    private static readonly WaitOutlook NoOutlook = new(0, null);

    /// <summary>The theme's serving capacity and forward forecast; on the hot command path asked of the hall at most once a second.</summary>
    private Task<WaitOutlook> Outlook(ThemeLine line, bool fresh = false) =>
        (_capacity ??= new(Hall.GetWaitOutlookAsync)).GetAsync(line.Load, fresh);
}

using Queue.Hosting;
using Microsoft.Extensions.DependencyInjection;
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
/// A counter. The themes are the authority on tickets; the window keeps the staff session and which ticket it
/// holds. After a crash between a theme's hand-over and the window's own write, activation asks the themes
/// what they gave this window and takes it back.
/// </summary>
public sealed class WindowGrain(
    [PersistentState("window", QueueGrainStorage.ProviderName)] IPersistentState<WindowDeskState> state,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<WindowDeskState>(state), IWindowGrain
{
    private const int MaxClaimAttempts = 16;
    private HallConfig? _hall;
    private bool _reconciled;

    private string HallId => GrainKeys.Split(this.GetPrimaryKeyString()).HallId;

    private int WindowNo => int.Parse(GrainKeys.Split(this.GetPrimaryKeyString()).Part, System.Globalization.CultureInfo.InvariantCulture);

    public async Task<WindowSnapshot> GetSnapshotAsync() => (await Config()).Snapshot(clock.GetUtcNow());

    public Task ConfigChangedAsync(HallConfig config)
    {
        _hall = config;
        return Task.CompletedTask;
    }

    public Task<WindowSnapshot> SignInAsync(SignIn command) => Run(d => d.SignIn(command.StaffId, command.StaffName, clock.GetUtcNow()));

    public Task<WindowSnapshot> SignOutAsync() => Run(d => d.SignOut(clock.GetUtcNow()));

    public Task<WindowSnapshot> PauseAsync(string reason) => Run(d => d.Pause(reason, clock.GetUtcNow()));

    public Task<WindowSnapshot> ResumeAsync() => Run(d => d.Resume(clock.GetUtcNow()));

    public Task<WindowSnapshot> SetProfileAsync(WindowProfile profile) => Run(d => d.SetProfile(profile, clock.GetUtcNow()));

    public Task<WindowSnapshot> SetProfileAsync(WindowProfile profile, ProfileMove move) => Run(d => d.SetProfile(profile, clock.GetUtcNow(), move));

    public Task<WindowSnapshot> UndoMoveAsync(string actorId) => Run(d => d.UndoMove(actorId, clock.GetUtcNow()));

    public async Task<WindowSnapshot> CallNextAsync()
    {
        var desk = await Ready();
        var themes = desk.BeginCall();
        for (var attempt = 0; attempt < MaxClaimAttempts; attempt++)
        {
            var offers = await Task.WhenAll(themes.Select(t => Theme(t).GetCandidatesAsync(WindowNo)));
            var choice = desk.Choose([.. offers.SelectMany(o => o)], themes, clock.GetUtcNow());
            if (choice is null)
            {
                return desk.Snapshot(clock.GetUtcNow());
            }

            var ticket = await Theme(choice.ThemeCode).ClaimAsync(choice, WindowNo);
            if (ticket is null)
            {
                continue; // other windows emptied that line meanwhile: look again
            }

            return await Apply(desk, desk.AfterClaim(ticket, choice, clock.GetUtcNow()));
        }

        // Every ticket this window could take went to other windows while it looked: nobody is left for it now.
        return desk.Snapshot(clock.GetUtcNow());
    }

    public async Task<WindowSnapshot> RecallAsync()
    {
        var desk = await Ready();
        var current = desk.BeginRecall();
        await Theme(current.ThemeCode).RecallAsync(current.TicketId, WindowNo);
        return desk.Snapshot(clock.GetUtcNow());
    }

    public async Task<WindowSnapshot> StartServiceAsync()
    {
        var desk = await Ready();
        var current = desk.BeginStart();
        await Theme(current.ThemeCode).StartServiceAsync(current.TicketId, WindowNo);
        return await Apply(desk, desk.AfterStart(clock.GetUtcNow()));
    }

    public async Task<WindowSnapshot> CompleteAsync(CompleteService command)
    {
        var desk = await Ready();
        var current = desk.BeginComplete();
        await Theme(current.ThemeCode).CompleteAsync(current.TicketId, WindowNo, command with { StaffId = State.StaffId });
        return await Apply(desk, desk.AfterComplete(clock.GetUtcNow()));
    }

    public async Task<WindowSnapshot> NoShowAsync()
    {
        var desk = await Ready();
        var current = desk.BeginNoShow();
        await Theme(current.ThemeCode).NoShowAsync(current.TicketId, WindowNo);
        return await Apply(desk, desk.AfterRelease(clock.GetUtcNow()));
    }

    public async Task<WindowSnapshot> HoldAsync(string reason)
    {
        var desk = await Ready();
        var current = desk.BeginHold();
        await Theme(current.ThemeCode).HoldAsync(current.TicketId, WindowNo, reason);
        return await Apply(desk, desk.AfterRelease(clock.GetUtcNow()));
    }

    public async Task<WindowSnapshot> TransferAsync(TransferTicket command)
    {
        var desk = await Ready();
        var (current, toTheme, toWindow) = desk.BeginTransfer(command);
        if (toWindow is { } target)
        {
            var profile = (await GrainFactory.GetGrain<IWindowGrain>(GrainKeys.Window(HallId, target)).GetSnapshotAsync()).Profile;
            WindowDesk.CheckTransferTarget(profile, target, toTheme);
        }

        var moving = await Theme(current.ThemeCode).TransferOutAsync(current.TicketId, WindowNo, toTheme, toWindow, command.Note);
        if (moving.ToTheme != moving.FromTheme)
        {
            await Theme(moving.ToTheme).AcceptTransferAsync(moving);
            await Theme(moving.FromTheme).TransferDeliveredAsync(moving.TicketId);
        }

        return await Apply(desk, desk.AfterRelease(clock.GetUtcNow()));
    }

    /// <summary>
    /// The configuration, and once per activation, before the first command: which ticket do the themes say this
    /// window holds? Take the themes' word for it (a crash may have fallen between a theme's write and ours).
    /// Not done on activation, because a theme asking the hall for capacity may be what activated this window.
    /// </summary>
    private async Task<WindowDesk> Ready()
    {
        var desk = await Config();
        if (!_reconciled)
        {
            if (desk.IsOpen)
            {
                var assigned = await Task.WhenAll(desk.ReconcileThemes().Select(t => Theme(t).GetAssignedAsync(WindowNo)));
                await Apply(desk, desk.Reconcile(assigned, clock.GetUtcNow()));
            }

            _reconciled = true;
        }

        return desk;
    }

    private async Task<WindowSnapshot> Run(Func<WindowDesk, WindowChange?> command)
    {
        var desk = await Ready();
        return await Apply(desk, command(desk));
    }

    /// <summary>Persists a change with its event, then tells the hall; no change, no write.</summary>
    private async Task<WindowSnapshot> Apply(WindowDesk desk, WindowChange? change)
    {
        if (change is null)
        {
            return desk.Snapshot(clock.GetUtcNow());
        }

        await SaveAsync();
        var snapshot = desk.Snapshot(clock.GetUtcNow());
        await GrainFactory.GetGrain<IHallGrain>(HallId).WindowChangedAsync(snapshot);
        return snapshot;
    }

    private IThemeQueueGrain Theme(string code) => GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(HallId, code));

    private async Task<WindowDesk> Config()
    {
        var (hall, window) = await TryConfig();
        return hall is null
            ? throw HallNotFound(HallId)
            : new WindowDesk(State, hall, window ?? throw Refusals.WindowNotFound(HallId, WindowNo));
    }

    private async Task<(HallConfig? Hall, WindowConfig? Window)> TryConfig()
    {
        _hall ??= await GrainFactory.GetGrain<IHallGrain>(HallId).GetConfigAsync();
        return (_hall, _hall?.FindWindow(WindowNo));
    }
}

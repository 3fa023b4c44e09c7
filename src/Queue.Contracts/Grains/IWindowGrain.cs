using Orleans.Concurrency;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Contracts.Grains;

/// <summary>A counter (key: "{hallId}/{windowNo}"): the staff session, its state, profile and current ticket.</summary>
[Alias("Queue.IWindowGrain")]
public interface IWindowGrain : IGrainWithStringKey
{
    [Alias("GetSnapshot"), AlwaysInterleave]
    Task<WindowSnapshot> GetSnapshotAsync();

    /// <summary>The hall's configuration changed to <paramref name="config"/> (validated, in force): the next command works with it, without asking the hall.</summary>
    [Alias("ConfigChangedTo")]
    Task ConfigChangedAsync(HallConfig config);

    [Alias("SignIn")]
    Task<WindowSnapshot> SignInAsync(SignIn command);

    [Alias("SignOut")]
    Task<WindowSnapshot> SignOutAsync();

    [Alias("Pause")]
    Task<WindowSnapshot> PauseAsync(string reason);

    [Alias("Resume")]
    Task<WindowSnapshot> ResumeAsync();

    [Alias("SetProfile")]
    Task<WindowSnapshot> SetProfileAsync(WindowProfile profile);

    /// <summary>A manager applies an SLA move: the profile as <see cref="SetProfileAsync(WindowProfile)"/>, journaled with who, undoable.</summary>
    [Alias("ApplyMove")]
    Task<WindowSnapshot> SetProfileAsync(WindowProfile profile, ProfileMove move);

    /// <summary>Back to the profile before the applied move (409 when there is none), journaled with who.</summary>
    [Alias("UndoMove")]
    Task<WindowSnapshot> UndoMoveAsync(string actorId);

    /// <summary>Call the most urgent ticket among the window's themes by the hall's routing rule; Current is null when nobody waits.</summary>
    [Alias("CallNext")]
    Task<WindowSnapshot> CallNextAsync();

    [Alias("Recall")]
    Task<WindowSnapshot> RecallAsync();

    [Alias("StartService")]
    Task<WindowSnapshot> StartServiceAsync();

    [Alias("Complete")]
    Task<WindowSnapshot> CompleteAsync(CompleteService command);

    [Alias("NoShow")]
    Task<WindowSnapshot> NoShowAsync();

    [Alias("Transfer")]
    Task<WindowSnapshot> TransferAsync(TransferTicket command);

    [Alias("Hold")]
    Task<WindowSnapshot> HoldAsync(string reason);
}

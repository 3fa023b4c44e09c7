using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain;

namespace Queue.Simulation;

/// <summary>A simulated window: the domain's <see cref="WindowDesk"/> over its state, and what the simulator remembers of it.</summary>
internal sealed class DeskRun(WindowConfig config, WindowDeskState state, HallConfig hall)
{
    private WindowProfile? _resolvedFor;
    private int[] _served = [];

    public WindowConfig Config => config;

    public WindowDeskState State => state;

    public WindowDesk Desk { get; } = new(state, hall, config);

    /// <summary>The profile the staffing plan gives (null: the configured one); the guardian's and the tidal plan's moves come back to it.</summary>
    public WindowProfile? PlannedProfile { get; set; }

    /// <summary>The theme the guardian moved this window to help, while its alert holds.</summary>
    public string? MovedFor { get; set; }

    /// <summary>Staff sign out as soon as the current citizen is done.</summary>
    public bool Closing { get; set; }

    public bool IsOpen => state.State != WindowState.Closed;

    public bool IsIdle => state.State == WindowState.Idle;

    public bool IsBusy => state.State is WindowState.Calling or WindowState.Serving;

    /// <summary>The themes the live profile serves, as indexes into the hall's themes.</summary>
    public int[] ServedThemes(IReadOnlyList<string> themeCodes, IReadOnlyDictionary<string, int> themeIndex)
    {
        var profile = Desk.Profile;
        if (!ReferenceEquals(profile, _resolvedFor))
        {
            _served = [.. profile.Resolve(themeCodes).Where(themeIndex.ContainsKey).Select(t => themeIndex[t])];
            _resolvedFor = profile;
        }

        return _served;
    }
}

using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.Engine.Grains;

/// <summary>
/// The tidal plan grain's hands on the hall's tidal windows: follows today's applied plan (<see cref="TidalFollower"/>:
/// once per window and half hour, so a move staff make afterwards stands until the next boundary) and puts every tidal
/// window back on its configured profile when a plan is undone.
/// </summary>
internal sealed class TidalWindowSwitch(IGrainFactory grains, string hallId)
{
    private readonly TidalFollower _following = new();

    /// <summary>Forgets what was followed, so that a newly applied or undone plan acts at once.</summary>
    public void Reset() => _following.Reset();

    /// <summary>Under <paramref name="advice"/>, each tidal window takes its interval's theme first (its usual profile on standby).</summary>
    public async Task FollowAsync(HallConfig config, TidalAdvice advice, DateTimeOffset now)
    {
        foreach (var window in config.Windows.Where(w => w.Tidal))
        {
            var grain = Window(window.WindowNo);
            if (_following.Next(config, advice, window, (await grain.GetSnapshotAsync()).Profile, now) is { } wanted)
            {
                await grain.SetProfileAsync(wanted);
                _following.Switched(config, window.WindowNo, now);
            }
        }
    }

    /// <summary>Each tidal window back on the profile the hall configures for it (what the plan switched away from).</summary>
    public async Task RestoreAsync(HallConfig config)
    {
        foreach (var window in config.Windows.Where(w => w.Tidal))
        {
            var grain = Window(window.WindowNo);
            var live = (await grain.GetSnapshotAsync()).Profile;
            if (live.Kind != window.Profile.Kind || !live.Themes.SequenceEqual(window.Profile.Themes))
            {
                await grain.SetProfileAsync(window.Profile);
            }
        }
    }

    private IWindowGrain Window(int windowNo) => grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, windowNo));
}

using Queue.Contracts.Config;

namespace Queue.LoadTests.Scenarios;

/// <summary>A window the watchers scenario calls at; one call at a time (a call, its pushes, start, complete).</summary>
public sealed class WatcherWindow(HallConfig hall, int windowNo)
{
    public string HallId { get; } = hall.HallId;

    public int WindowNo { get; } = windowNo;

    public string Path => $"api/halls/{HallId}/windows/{WindowNo}";

    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>The last call here did not end with its ticket completed: free the window before the next call.</summary>
    public bool Dirty { get; set; }

    /// <summary>The windows of <paramref name="hall"/> that serve every theme (comprehensive), else the last ones, at most <paramref name="count"/>.</summary>
    public static IEnumerable<WatcherWindow> Of(HallConfig hall, int count)
    {
        var all = hall.Windows.OrderByDescending(w => w.Profile.Kind == Contracts.Model.WindowProfileKind.Comprehensive).ThenByDescending(w => w.WindowNo);
        return all.Take(count).Select(w => new WatcherWindow(hall, w.WindowNo));
    }
}

using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// Predicted waits. A theme's serving capacity is the number of open windows serving it, each window counted
/// as 1 ÷ the number of themes it serves (a comprehensive window shares itself among all of them). A ticket
/// with k people ahead waits about k × average service time ÷ capacity.
/// </summary>
public static class WaitPrediction
{
    public static double? Minutes(int peopleAhead, double averageServiceMinutes, double servingWindows) =>
        servingWindows <= 0 ? null : Math.Round(peopleAhead * averageServiceMinutes / servingWindows, 1);

    public static IReadOnlyDictionary<string, double> Capacity(IEnumerable<WindowSnapshot> windows, IReadOnlyList<string> hallThemes)
    {
        var capacity = hallThemes.ToDictionary(t => t, _ => 0.0);
        foreach (var window in windows.Where(w => w.State is WindowState.Idle or WindowState.Calling or WindowState.Serving))
        {
            var served = window.Profile.Resolve(hallThemes).Where(capacity.ContainsKey).ToList();
            foreach (var theme in served)
            {
                capacity[theme] += 1.0 / served.Count;
            }
        }

        return capacity;
    }
}

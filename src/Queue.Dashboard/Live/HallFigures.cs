using System.Collections.Immutable;
using Queue.Contracts.Snapshots;

namespace Queue.Dashboard.Live;

/// <summary>
/// The figures a board or kiosk shows that events cannot give (per line: how many wait, the longest wait, the predicted
/// wait from the hall's forward simulation), read from the hall at <see cref="Sequence"/>. Pushed on a slow refresh
/// (<see cref="EventRouter.FiguresEvery"/>), never per call; the calls themselves come as events.
/// </summary>
public sealed record HallFigures(string HallId, long Sequence, DateTimeOffset At, ImmutableArray<ThemeQueueSnapshot> Themes)
{
    public static HallFigures Of(HallSnapshot snapshot) => new(snapshot.HallId, snapshot.Sequence, snapshot.At, snapshot.Themes);
}

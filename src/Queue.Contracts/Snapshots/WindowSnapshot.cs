using Queue.Contracts.Model;

namespace Queue.Contracts.Snapshots;

[GenerateSerializer, Immutable]
public sealed record WindowSnapshot(
    [property: Id(0)] string HallId,
    [property: Id(1)] int WindowNo,
    [property: Id(2)] string ZoneId,
    [property: Id(3)] WindowState State,
    [property: Id(4)] string? StaffId,
    [property: Id(5)] string? StaffName,
    [property: Id(6)] string? PauseReason,
    [property: Id(7)] WindowProfile Profile,
    [property: Id(8)] CurrentTicket? Current,
    [property: Id(9)] int ConsecutivePriorityCalls,
    [property: Id(10)] int ServedToday,
    [property: Id(11)] DateTimeOffset Since,
    [property: Id(12)] string? Label,
    [property: Id(13)] long Version,
    [property: Id(14)] WindowProfile? UndoProfile = null)
{
    /// <summary>Whether this window takes calls now (signed in and not paused).</summary>
    public bool IsOpen => State is WindowState.Idle or WindowState.Calling or WindowState.Serving;
}

using Queue.Contracts.Model;

namespace Queue.Contracts.Snapshots;

/// <summary>
/// A ticket a theme offers to a window asking "whom should I call next?". <see cref="WaitingSince"/> is the
/// clock that urgency runs on: the original issue time (kept across transfers), or the penalty time of a
/// rejoined no-show.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QueueCandidate(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string ThemeCode,
    [property: Id(2)] string DisplayNumber,
    [property: Id(3)] PriorityClass Priority,
    [property: Id(4)] DateTimeOffset WaitingSince,
    [property: Id(5)] int TargetMinutes,
    [property: Id(6)] bool DirectedToWindow);

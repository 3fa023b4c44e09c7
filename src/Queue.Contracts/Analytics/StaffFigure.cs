namespace Queue.Contracts.Analytics;

/// <summary>
/// A window's day: who worked it (the staff now signed in, else the last one the journal names), services completed,
/// average service time, the time it was open, and the time it stood idle (open, neither calling nor serving) while a
/// theme it serves had people waiting (an approximation: see the analytics grain).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StaffFigure(
    [property: Id(0)] int WindowNo,
    [property: Id(1)] string? StaffId,
    [property: Id(2)] string? StaffName,
    [property: Id(3)] string State,
    [property: Id(4)] long Served,
    [property: Id(5)] double AverageServiceSeconds,
    [property: Id(6)] double OpenSeconds,
    [property: Id(7)] double IdleWhileWaitingSeconds);

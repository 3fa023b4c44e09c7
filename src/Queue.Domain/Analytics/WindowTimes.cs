namespace Queue.Domain.Analytics;

/// <summary>A window's day so far in <see cref="WindowActivity"/>: its state at the end of the replay and the times it accumulated.</summary>
public sealed record WindowTimes(
    int WindowNo,
    bool Open = false,
    bool Busy = false,
    string? StaffId = null,
    double OpenSeconds = 0,
    double IdleWhileWaitingSeconds = 0);

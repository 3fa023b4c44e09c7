namespace Queue.Simulation;

/// <summary>
/// A day's window time, in window-minutes: staffed (signed in), busy (calling or serving), idle while a line the window's
/// profile serves had someone waiting, and idle while anyone in the hall waited (what dedicated lines waste).
/// </summary>
public sealed record WindowFigures(double OpenMinutes, double BusyMinutes, double IdleWhileServedLineWaits, double IdleWhileHallWaits)
{
    public double WindowHours => OpenMinutes / 60;

    public double Utilization => OpenMinutes > 0 ? BusyMinutes / OpenMinutes : 0;
}

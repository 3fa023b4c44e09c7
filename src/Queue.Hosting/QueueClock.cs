namespace Queue.Hosting;

/// <summary>
/// The key of the <see cref="TimeProvider"/> that queue rules read (business day, waits, urgency). It is keyed
/// so that a test can freeze or move the queue's clock without touching the one Orleans' runtime runs on.
/// </summary>
public static class QueueClock
{
    public const string Key = "queue-clock";
}

using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Domain.Analytics;

/// <summary>
/// Replays a day of a hall's journal to find, per window, the time it was open and the time it stood idle while people
/// waited in a theme it serves. A window is open from WindowOpened or WindowResumed to WindowPaused or WindowClosed;
/// it is busy from TicketCalled at it until the service ends there (completed, no-show, transferred or held). The people
/// waiting per theme follow each ticket through the journal (issued, rejoined, resumed and transferred in; called,
/// held, cancelled, expired out). What a window serves is taken from <paramref name="serves"/> (its configured profile):
/// a profile changed during the day, by a manager or the tidal plan, is not followed, so that part is approximate.
/// <paramref name="onAdvance"/>, when given, hears each stretch of open time with the window as it was during it (its
/// staff) and the stretch's open and idle-while-waiting seconds: staff performance sums them per person.
/// </summary>
public static class WindowActivity
{
    public static IReadOnlyDictionary<int, WindowTimes> Replay(
        IEnumerable<HallEvent> events, Func<int, string, bool> serves, DateTimeOffset end, Action<WindowTimes, double, double>? onAdvance = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(serves);
        var waitingTicket = new Dictionary<string, string>(StringComparer.Ordinal);
        var waiting = new Dictionary<string, int>(StringComparer.Ordinal);
        var windows = new Dictionary<int, WindowTimes>();
        DateTimeOffset? last = null;

        foreach (var e in events.Where(e => e.At <= end))
        {
            Advance(windows, waiting, serves, last, e.At, onAdvance);
            last = e.At;
            Follow(e, waitingTicket, waiting);
            if (e.WindowNo is not { } no || no <= 0)
            {
                continue;
            }

            var w = windows.TryGetValue(no, out var known) ? known : new WindowTimes(no);
            windows[no] = e.Kind switch
            {
                HallEventKind.WindowOpened => w with { Open = true, Busy = false, StaffId = e.StaffId ?? w.StaffId },
                HallEventKind.WindowResumed => w with { Open = true },
                HallEventKind.WindowPaused or HallEventKind.WindowClosed => w with { Open = false, Busy = false },
                HallEventKind.TicketCalled => w with { Open = true, Busy = true, StaffId = e.StaffId ?? w.StaffId },
                HallEventKind.ServiceCompleted or HallEventKind.TicketNoShow or HallEventKind.TicketTransferred or HallEventKind.TicketHeld => w with { Busy = false },
                _ => w,
            };
        }

        Advance(windows, waiting, serves, last, end, onAdvance);
        return windows;
    }

    private static void Advance(
        Dictionary<int, WindowTimes> windows, Dictionary<string, int> waiting, Func<int, string, bool> serves, DateTimeOffset? from, DateTimeOffset to,
        Action<WindowTimes, double, double>? onAdvance)
    {
        if (from is not { } start || to <= start)
        {
            return;
        }

        var seconds = (to - start).TotalSeconds;
        foreach (var (no, w) in windows.ToList())
        {
            if (!w.Open)
            {
                continue;
            }

            var peopleWait = !w.Busy && waiting.Any(t => t.Value > 0 && serves(no, t.Key));
            onAdvance?.Invoke(w, seconds, peopleWait ? seconds : 0);
            windows[no] = w with
            {
                OpenSeconds = w.OpenSeconds + seconds,
                IdleWhileWaitingSeconds = w.IdleWhileWaitingSeconds + (peopleWait ? seconds : 0),
            };
        }
    }

    private static void Follow(HallEvent e, Dictionary<string, string> waitingTicket, Dictionary<string, int> waiting)
    {
        if (e.TicketId is not { } ticket)
        {
            return;
        }

        switch (e.Kind)
        {
            case HallEventKind.TicketIssued or HallEventKind.TicketRejoined or HallEventKind.TicketResumed:
                Leave(ticket, waitingTicket, waiting);
                Join(ticket, e.ThemeCode ?? "", waitingTicket, waiting);
                break;
            case HallEventKind.TicketTransferred:
                Leave(ticket, waitingTicket, waiting);
                Join(ticket, e.ToThemeCode ?? e.ThemeCode ?? "", waitingTicket, waiting);
                break;
            case HallEventKind.TicketCalled or HallEventKind.TicketHeld or HallEventKind.TicketCancelled or HallEventKind.TicketExpired:
                Leave(ticket, waitingTicket, waiting);
                break;
        }
    }

    private static void Join(string ticket, string theme, Dictionary<string, string> waitingTicket, Dictionary<string, int> waiting)
    {
        waitingTicket[ticket] = theme;
        waiting[theme] = waiting.GetValueOrDefault(theme) + 1;
    }

    private static void Leave(string ticket, Dictionary<string, string> waitingTicket, Dictionary<string, int> waiting)
    {
        if (waitingTicket.Remove(ticket, out var theme))
        {
            waiting[theme]--;
        }
    }
}

using System.Diagnostics;

namespace Queue.LoadTests.Push;

/// <summary>
/// The pushes one window call causes: the boards' <c>Events</c> batches carrying its TicketCalled and, when the called
/// ticket is watched, the phone's <c>Ticket</c> push with status Called. Registered before the call goes out, because
/// a push can overtake the HTTP answer: arrivals are kept with their receipt time and matched to the called ticket
/// once the answer says which one it was. Receipts after <see cref="WaitAsync"/> ended are late and not counted.
/// </summary>
public sealed class CallDeliveries
{
    private readonly Lock _gate = new();
    private readonly List<(long At, string Display)> _boards = [];
    private readonly List<(long At, string TicketId)> _phones = [];
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _display;
    private string? _ticketId;
    private int _boardsExpected;
    private int _phonesExpected;
    private bool _closed;

    /// <summary>Receipts after the wait ended.</summary>
    public int Late { get; private set; }

    public void Board(string? displayNumber) => Arrive(_boards, displayNumber ?? "");

    public void Phone(string ticketId) => Arrive(_phones, ticketId);

    /// <summary>Waits for <paramref name="boards"/> board receipts of <paramref name="display"/> and <paramref name="phones"/> phone receipts of <paramref name="ticketId"/>.</summary>
    public async Task<CallReceipts> WaitAsync(string display, string ticketId, int boards, int phones, TimeSpan timeout, CancellationToken cancellation)
    {
        lock (_gate)
        {
            (_display, _ticketId, _boardsExpected, _phonesExpected) = (display, ticketId, boards, phones);
            CheckAll();
        }

        await Task.WhenAny(_all.Task, Task.Delay(timeout, cancellation));
        lock (_gate)
        {
            _closed = true;
            long[] board = [.. _boards.Where(b => b.Display == display).Select(b => b.At).Take(boards)];
            long[] phone = [.. _phones.Where(p => p.TicketId == ticketId).Select(p => p.At).Take(phones)];
            return new CallReceipts(board, boards, phone, phones);
        }
    }

    private void Arrive<T>(List<(long At, T Key)> list, T key)
    {
        var at = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_closed)
            {
                Late++;
                return;
            }

            list.Add((at, key));
            CheckAll();
        }
    }

    private void CheckAll()
    {
        if (_display is not null
            && _boards.Count(b => b.Display == _display) >= _boardsExpected
            && _phones.Count(p => p.TicketId == _ticketId) >= _phonesExpected)
        {
            _all.TrySetResult();
        }
    }
}

using Queue.Contracts;
using Queue.Contracts.Grains;
using Queue.Domain;

namespace Queue.Engine.Grains;

/// <summary>
/// A theme's outbound transfers that the new theme has not confirmed: while there are any, a timer re-delivers them
/// (interleaved: it only calls out), so a crash between the two themes loses no ticket. Owned by
/// <see cref="ThemeQueueGrain"/> and run on its turns.
/// </summary>
internal sealed class ThemeTransferRetries(Grain grain, IGrainFactory grains, string hallId, Func<ThemeQueueState> state, Func<Task> whenCommitted)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(15);
    private IGrainTimer? _timer;

    /// <summary>Starts the timer if transfers wait for confirmation and it is not running.</summary>
    public void Arm()
    {
        if (state().PendingTransfers.Count == 0 || _timer is not null)
        {
            return;
        }

        _timer = grain.RegisterGrainTimer(RetryTransfers, new GrainTimerCreationOptions(FirstRetry, RetryPeriod) { Interleave = true });
    }

    /// <summary>
    /// Re-delivers the transfers still waiting for their confirmation. Only committed ones: this timer interleaves
    /// with commands, and a hand-over that is still being written must not reach the new theme before the old one's
    /// TicketTransferred is in the journal (it could be called at a new window while the journal still has it at the
    /// old one, or, if the write failed, be in two lines at once).
    /// </summary>
    private async Task RetryTransfers(CancellationToken cancellationToken)
    {
        var waiting = state().PendingTransfers.Values.ToList();
        await whenCommitted();
        foreach (var pending in waiting.Where(p => state().PendingTransfers.TryGetValue(p.TicketId, out var still) && still.TransferId == p.TransferId))
        {
            await grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, pending.ToTheme)).AcceptTransferAsync(pending);
            await grain.AsReference<IThemeQueueGrain>().TransferDeliveredAsync(pending.TicketId);
        }

        if (state().PendingTransfers.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}

using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>A theme's line, transfers: a ticket leaving for another theme or window, and one arriving.</summary>
public sealed partial class ThemeLine
{
    /// <summary>
    /// Takes the window's ticket out of this theme towards <paramref name="toTheme"/>. Within the same theme the
    /// ticket is only directed to the other window; otherwise it waits in <see cref="ThemeQueueState.PendingTransfers"/>
    /// until the new theme confirms it arrived.
    /// </summary>
    public TransferredTicket TransferOut(string ticketId, int windowNo, string toTheme, int? toWindow, string? note)
    {
        var ticket = state.Tickets.TryGetValue(ticketId, out var found) && found.WindowNo == windowNo &&
                     found.Status is TicketStatus.Called or TicketStatus.Serving
            ? found
            : throw Refusals.NotAtWindow(ticketId, windowNo);
        var envelope = new TransferredTicket(
            ticket.TicketId, ticket.DisplayNumber, Code, toTheme, toWindow, ticket.Priority, ticket.Channel,
            ticket.IssuedAt, ticket.WaitingSince, ticket.BusinessDay, ticket.Rejoined, Guid.NewGuid().ToString("N"), ticket.CitizenKey, ticket.CitizenName);
        if (toTheme == Code)
        {
            ticket.Status = TicketStatus.Waiting;
            ticket.DirectedToWindow = toWindow;
            ticket.QueuedAt = now;
            ticket.WindowNo = null;
        }
        else
        {
            ticket.Status = TicketStatus.Transferred;
            ticket.TransferredTo = toTheme;
            ticket.FinishedAt = now;
            state.PendingTransfers[ticket.TicketId] = envelope;
        }

        Emit(HallEventKind.TicketTransferred, ticket, e => e with { WindowNo = windowNo, ToThemeCode = toTheme, ToWindowNo = toWindow, Reason = note });
        if (ticket.Status == TicketStatus.Transferred)
        {
            Retire(ticket);
        }

        return envelope;
    }

    /// <summary>
    /// Receives a transferred ticket, keeping its number and original issue time. Idempotent on the transfer id: a
    /// re-delivery (a retry racing the confirmation) changes nothing, even if the ticket has since been called and sent
    /// on. Returns the ticket as this theme has it, or null for a re-delivery of a ticket this activation no longer holds.
    /// </summary>
    public TicketRecord? AcceptTransfer(TransferredTicket incoming)
    {
        if (state.AcceptedTransfers.Contains(incoming.TransferId) ||
            (Lookup(incoming.TicketId) is { } active && active.Status != TicketStatus.Transferred))
        {
            return Lookup(incoming.TicketId);
        }

        state.AcceptedTransfers.Add(incoming.TransferId);

        state.Finished.Remove(incoming.TicketId);

        var ticket = new TicketRecord
        {
            TicketId = incoming.TicketId,
            DisplayNumber = incoming.DisplayNumber,
            Priority = incoming.Priority,
            Channel = incoming.Channel,
            Status = TicketStatus.Waiting,
            IssuedAt = incoming.IssuedAt,
            WaitingSince = incoming.WaitingSince,
            QueuedAt = now,
            DirectedToWindow = incoming.ToWindow,
            TransferredFrom = incoming.FromTheme,
            Rejoined = incoming.Rejoined,
            BusinessDay = state.BusinessDay,
            Arrival = ++state.Arrivals,
            CitizenKey = incoming.CitizenKey,
            CitizenName = incoming.CitizenName,
        };
        state.Tickets[ticket.TicketId] = ticket;
        state.TicketChanged(ticket.TicketId);
        Dirty = true;
        return ticket;
    }

    /// <summary>The new theme has the ticket: stop retrying it. Whether it was still pending.</summary>
    public bool TransferDelivered(string ticketId)
    {
        var removed = state.PendingTransfers.Remove(ticketId);
        Dirty |= removed;
        return removed;
    }
}

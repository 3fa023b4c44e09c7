using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// The rules of one theme's line over its persisted state: every method checks the ticket's state, changes it,
/// and records exactly one event (or throws a <see cref="QueueRuleException"/> and changes nothing). The grain
/// around it persists the state with the events; this class does no I/O, so it is tested without a cluster.
/// </summary>
public sealed class ThemeLine(ThemeQueueState state, ThemeContext context, DateTimeOffset now)
{
    private string Code => context.Theme.Code;

    /// <summary>Whether the state changed and must be written.</summary>
    public bool Dirty { get; private set; }

    /// <summary>On the first use of a new business day, yesterday's active tickets expire and numbering restarts.</summary>
    public void EnsureDay()
    {
        var today = BusinessClock.Day(now, context.TimeZone);
        if (state.BusinessDay == today)
        {
            return;
        }

        if (state.BusinessDay != default)
        {
            ExpireActive();
        }

        state.BusinessDay = today;
        state.LastNumber = 0;
        state.CompletedToday = 0;
        state.Tickets.Clear();
        state.Finished.Clear();
        state.RequestIds.Clear();
        state.RequestOrder.Clear();
        state.PendingTransfers.Clear();
        state.AcceptedTransfers.Clear();
        Dirty = true;
    }

    /// <summary>
    /// Issues a ticket, or returns the one issued before for the same request id. When that ticket has finished
    /// and left the state since a restart, throws <see cref="RetiredTicketException"/>: the journal has it.
    /// </summary>
    public TicketRecord Issue(IssueTicket command)
    {
        if (command.RequestId is { } requestId && state.RequestIds.TryGetValue(requestId, out var existing))
        {
            return Lookup(existing) ?? throw new RetiredTicketException(existing);
        }

        if (context.Hours is { } hours && BusinessClock.LocalTime(now, context.TimeZone) is var local && (local < hours.Opens || local >= hours.Closes))
        {
            throw QueueRuleException.Conflict(
                "hall-closed",
                $"当前不在取号时间（{hours.Opens:HH\\:mm}–{hours.Closes:HH\\:mm}）",
                $"Tickets are issued between {hours.Opens:HH\\:mm} and {hours.Closes:HH\\:mm} only");
        }

        var number = ++state.LastNumber;
        var ticket = new TicketRecord
        {
            TicketId = GrainKeys.NewTicketId(context.HallId, Code),
            DisplayNumber = $"{context.Theme.Prefix}{number:000}",
            Priority = command.Priority,
            Channel = command.Channel,
            Status = TicketStatus.Waiting,
            IssuedAt = now,
            WaitingSince = now,
            QueuedAt = now,
            BusinessDay = state.BusinessDay,
            Arrival = ++state.Arrivals,
            CitizenKey = command.CitizenKey,
            CitizenName = command.CitizenName,
        };
        state.Tickets.Add(ticket.TicketId, ticket);
        if (command.RequestId is { } id)
        {
            state.RequestIds[id] = ticket.TicketId;
            state.RequestOrder.Enqueue(id);
            while (state.RequestOrder.Count > ThemeQueueState.MaxRequestIds)
            {
                state.RequestIds.Remove(state.RequestOrder.Dequeue());
            }
        }

        Emit(HallEventKind.TicketIssued, ticket);
        return ticket;
    }

    /// <summary>The best ticket directed to this window, the best priority ticket and the best normal ticket.</summary>
    public IReadOnlyList<QueueCandidate> Candidates(int windowNo) =>
        [.. new[] { BestDirected(windowNo), BestPriority(), BestNormal() }.OfType<TicketRecord>().Select(t => new QueueCandidate(
            t.TicketId, Code, t.DisplayNumber, t.Priority, t.WaitingSince, context.Theme.TargetMinutes, t.DirectedToWindow == windowNo))];

    /// <summary>When the chosen ticket was taken meanwhile: the best remaining ticket of the same kind, claimed.</summary>
    public TicketRecord? ClaimNextLike(QueueCandidate chosen, int windowNo)
    {
        var next = chosen.DirectedToWindow ? BestDirected(windowNo) : Routing.IsPriority(chosen.Priority) ? BestPriority() : BestNormal();
        return next is null ? null : Claim(next.TicketId, windowNo);
    }

    private IEnumerable<TicketRecord> Waiting => state.Tickets.Values.Where(t => t.Status == TicketStatus.Waiting);

    private TicketRecord? BestDirected(int windowNo) => Waiting.Where(t => t.DirectedToWindow == windowNo).MinBy(t => t.LineKey);

    private TicketRecord? BestPriority() => Waiting.Where(t => t.DirectedToWindow is null && Routing.IsPriority(t.Priority))
        .OrderByDescending(t => t.Priority).ThenBy(t => t.LineKey).FirstOrDefault();

    private TicketRecord? BestNormal() => Waiting.Where(t => t.DirectedToWindow is null && !Routing.IsPriority(t.Priority)).MinBy(t => t.LineKey);

    /// <summary>Hands a waiting ticket to the window; null when it is no longer waiting (another window was first).</summary>
    public TicketRecord? Claim(string ticketId, int windowNo)
    {
        if (!state.Tickets.TryGetValue(ticketId, out var ticket) || ticket.Status != TicketStatus.Waiting ||
            (ticket.DirectedToWindow is { } directed && directed != windowNo))
        {
            return null;
        }

        var waited = (now - ticket.QueuedAt).TotalSeconds;
        ticket.Status = TicketStatus.Called;
        ticket.WindowNo = windowNo;
        ticket.CalledAt = now;
        ticket.RecallCount = 0;
        ticket.DirectedToWindow = null;
        Emit(HallEventKind.TicketCalled, ticket, e => e with { WaitSeconds = Math.Round(waited, 1) });
        return ticket;
    }

    public TicketRecord Recall(string ticketId, int windowNo)
    {
        var ticket = AtWindow(ticketId, windowNo, TicketStatus.Called);
        ticket.RecallCount++;
        ticket.CalledAt = now;
        Emit(HallEventKind.TicketRecalled, ticket);
        return ticket;
    }

    public TicketRecord StartService(string ticketId, int windowNo)
    {
        var ticket = AtWindow(ticketId, windowNo, TicketStatus.Called);
        ticket.Status = TicketStatus.Serving;
        ticket.ServiceStartedAt = now;
        Emit(HallEventKind.ServiceStarted, ticket);
        return ticket;
    }

    public TicketRecord Complete(string ticketId, int windowNo, CompleteService command)
    {
        var ticket = AtWindow(ticketId, windowNo, TicketStatus.Serving);
        var served = (now - (ticket.ServiceStartedAt ?? now)).TotalMinutes;
        ticket.Status = TicketStatus.Completed;
        ticket.Outcome = command.Outcome;
        ticket.Reason = command.Reason;
        ticket.FinishedAt = now;
        state.Stats.Add(served, context.Theme.ExpectedServiceMinutes);
        state.CompletedToday++;
        Emit(HallEventKind.ServiceCompleted, ticket, e => e with { ServiceSeconds = Math.Round(served * 60, 1) });
        Retire(ticket);
        return ticket;
    }

    public TicketRecord NoShow(string ticketId, int windowNo)
    {
        var ticket = AtWindow(ticketId, windowNo, TicketStatus.Called);
        if (ticket.RecallCount < context.Policy.RecallsBeforeNoShow)
        {
            throw QueueRuleException.Conflict(
                "recall-first",
                $"请先重呼{context.Policy.RecallsBeforeNoShow}次再标记过号（已重呼{ticket.RecallCount}次）",
                $"Recall {context.Policy.RecallsBeforeNoShow} times before marking a no-show ({ticket.RecallCount} so far)");
        }

        ticket.Status = TicketStatus.NoShow;
        ticket.FinishedAt = now;
        Emit(HallEventKind.TicketNoShow, ticket);
        if (ticket.Rejoined)
        {
            Retire(ticket); // it had its one rejoin; otherwise it stays, parked, until it rejoins or the day ends
        }

        return ticket;
    }

    public TicketRecord Hold(string ticketId, int windowNo, string reason)
    {
        var ticket = AtWindow(ticketId, windowNo, TicketStatus.Serving);
        ticket.Status = TicketStatus.OnHold;
        ticket.Reason = reason;
        Emit(HallEventKind.TicketHeld, ticket);
        return ticket;
    }

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
            : throw NotAtWindow(ticketId, windowNo);
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
        Dirty = true;
        return ticket;
    }

    public void TransferDelivered(string ticketId) => Dirty |= state.PendingTransfers.Remove(ticketId);

    public TicketRecord Cancel(string ticketId)
    {
        var ticket = Find(ticketId);
        if (ticket.Status is not (TicketStatus.Waiting or TicketStatus.OnHold))
        {
            throw WrongState(ticket, "取消", "cancel");
        }

        ticket.Status = TicketStatus.Cancelled;
        ticket.FinishedAt = now;
        Emit(HallEventKind.TicketCancelled, ticket);
        Retire(ticket);
        return ticket;
    }

    /// <summary>A no-show rejoins once, behind <see cref="Contracts.Config.RoutingPolicy.NoShowRejoinPenalty"/> waiting tickets of its class.</summary>
    public TicketRecord Rejoin(string ticketId)
    {
        var ticket = Find(ticketId);
        if (ticket.Status != TicketStatus.NoShow)
        {
            throw WrongState(ticket, "重新排队", "rejoin");
        }

        if (ticket.Rejoined)
        {
            throw QueueRuleException.Unprocessable("rejoin-once", "过号后只能重新排队一次，请重新取号", "A no-show may rejoin only once; please take a new ticket");
        }

        var sameClass = state.Tickets.Values
            .Where(t => t.Status == TicketStatus.Waiting && t.DirectedToWindow is null && Routing.IsPriority(t.Priority) == Routing.IsPriority(ticket.Priority))
            .OrderBy(t => t.LineKey).ToList();
        var penalty = context.Policy.NoShowRejoinPenalty;
        if (penalty > 0 && sameClass.Count >= penalty)
        {
            // Right behind the penalty-th waiting ticket: same waiting time, next in arrival order.
            var behind = sameClass[penalty - 1];
            ticket.WaitingSince = behind.WaitingSince;
            ticket.Arrival = behind.Arrival;
            foreach (var later in sameClass.Skip(penalty))
            {
                later.Arrival++;
            }

            ticket.Arrival++;
            state.Arrivals = Math.Max(state.Arrivals, sameClass.Max(t => t.Arrival));
        }
        else
        {
            ticket.WaitingSince = now;
            ticket.Arrival = ++state.Arrivals;
        }

        ticket.Status = TicketStatus.Waiting;
        ticket.Rejoined = true;
        ticket.QueuedAt = now;
        ticket.WindowNo = null;
        ticket.FinishedAt = null;
        Emit(HallEventKind.TicketRejoined, ticket);
        return ticket;
    }

    /// <summary>容缺: a held ticket comes back the same day, directed to the window that held it, with its original place.</summary>
    public TicketRecord ResumeHold(string ticketId)
    {
        var ticket = Find(ticketId);
        if (ticket.Status != TicketStatus.OnHold)
        {
            throw WrongState(ticket, "恢复办理", "resume");
        }

        ticket.Status = TicketStatus.Waiting;
        ticket.DirectedToWindow = ticket.WindowNo;
        ticket.WindowNo = null;
        ticket.QueuedAt = now;
        Emit(HallEventKind.TicketResumed, ticket);
        return ticket;
    }

    public int CloseDay() => ExpireActive();

    public TicketRecord? Assigned(int windowNo) =>
        state.Tickets.Values.FirstOrDefault(t => t.WindowNo == windowNo && t.Status is TicketStatus.Called or TicketStatus.Serving);

    /// <summary>How many tickets of this theme will be called before this one (its own class ordering).</summary>
    public int PeopleAhead(TicketRecord ticket)
    {
        if (ticket.Status != TicketStatus.Waiting)
        {
            return 0;
        }

        return state.Tickets.Values.Count(t =>
            t.Status == TicketStatus.Waiting && t.TicketId != ticket.TicketId && t.DirectedToWindow == ticket.DirectedToWindow &&
            (Rank(t) > Rank(ticket) || (Rank(t) == Rank(ticket) && t.LineKey.CompareTo(ticket.LineKey) < 0)));

        // The order calls take: 绿色通道 before appointments before everyone else (BestPriority), then the line.
        static int Rank(TicketRecord t) => (int)t.Priority;
    }

    /// <summary>The waiting display numbers in the order <see cref="PeopleAhead"/> counts them (tickets directed to a window left out).</summary>
    public LineView Line(double servingWindows) => new(
        context.HallId,
        Code,
        [.. Waiting.Where(t => t.DirectedToWindow is null)
            .OrderByDescending(t => t.Priority).ThenBy(t => t.LineKey).Select(t => t.DisplayNumber)],
        AverageServiceMinutes,
        Math.Round(servingWindows, 2),
        now);

    /// <summary>The ticket as its theme knows it; the rating is the ticket grain's to add.</summary>
    public TicketSnapshot Snapshot(TicketRecord ticket, double servingWindows)
    {
        int? ahead = ticket.Status == TicketStatus.Waiting ? PeopleAhead(ticket) : null;
        var predicted = ahead is { } k ? WaitPrediction.Minutes(k, AverageServiceMinutes, servingWindows) : null;
        return new TicketSnapshot(
            ticket.TicketId, context.HallId, Code, ticket.DisplayNumber, ticket.Priority, ticket.Channel, ticket.Status,
            ticket.IssuedAt, ticket.CalledAt, ticket.ServiceStartedAt, ticket.FinishedAt, ticket.WindowNo, ticket.RecallCount,
            ticket.Outcome, ticket.Reason, ticket.Rejoined, ticket.TransferredFrom, ticket.DirectedToWindow, ahead, predicted, Rating: null,
            ticket.BusinessDay, ticket.CitizenName);
    }

    public double AverageServiceMinutes => Math.Round(state.Stats.Current(context.Theme.ExpectedServiceMinutes), 2);

    public ThemeQueueSnapshot Stats(double servingWindows)
    {
        var tickets = state.Tickets.Values;
        var waiting = tickets.Where(t => t.Status == TicketStatus.Waiting).ToList();
        var longest = waiting.Count == 0 ? 0 : waiting.Max(t => (now - t.QueuedAt).TotalMinutes);
        return new ThemeQueueSnapshot(
            Code,
            waiting.Count,
            tickets.Count(t => t.Status == TicketStatus.OnHold),
            tickets.Count(t => t.Status is TicketStatus.Called or TicketStatus.Serving),
            state.LastNumber, // numbers count the day's tickets
            state.CompletedToday,
            Math.Round(longest, 1),
            WaitPrediction.Minutes(waiting.Count(t => t.DirectedToWindow is null), AverageServiceMinutes, servingWindows),
            AverageServiceMinutes,
            Math.Round(servingWindows, 2),
            context.Theme.TargetMinutes);
    }

    public TicketRecord Find(string ticketId) =>
        Lookup(ticketId) ?? throw QueueRuleException.TicketNotFound();

    /// <summary>An open ticket, or one finished during this activation.</summary>
    public TicketRecord? Lookup(string ticketId) =>
        state.Tickets.GetValueOrDefault(ticketId) ?? state.Finished.GetValueOrDefault(ticketId);

    private void Retire(TicketRecord ticket)
    {
        state.Tickets.Remove(ticket.TicketId);
        state.Finished[ticket.TicketId] = ticket;
    }

    private int ExpireActive()
    {
        var active = state.Tickets.Values.Where(t => t.IsActive).OrderBy(t => t.IssuedAt).ToList();
        foreach (var ticket in active)
        {
            ticket.Status = TicketStatus.Expired;
            ticket.FinishedAt = now;
            Emit(HallEventKind.TicketExpired, ticket);
            Retire(ticket);
        }

        return active.Count;
    }

    private TicketRecord AtWindow(string ticketId, int windowNo, TicketStatus expected)
    {
        var ticket = state.Tickets.TryGetValue(ticketId, out var found) && found.WindowNo == windowNo &&
                     found.Status is TicketStatus.Called or TicketStatus.Serving
            ? found
            : throw NotAtWindow(ticketId, windowNo);
        return ticket.Status == expected ? ticket : throw WrongState(ticket, expected == TicketStatus.Called ? "此操作（号票正在办理中）" : "此操作（号票尚未开始办理）", "do this");
    }

    private static QueueRuleException NotAtWindow(string ticketId, int windowNo) =>
        QueueRuleException.Conflict("not-at-window", $"该号票不在{windowNo}号窗口", $"Ticket {ticketId} is not at window {windowNo}");

    private static QueueRuleException WrongState(TicketRecord ticket, string actionZh, string actionEn) =>
        QueueRuleException.Conflict(
            "wrong-ticket-state",
            $"号票{ticket.DisplayNumber}当前状态为{StatusZh(ticket.Status)}，不能{actionZh}",
            $"Ticket {ticket.DisplayNumber} is {ticket.Status}; cannot {actionEn}");

    private static string StatusZh(TicketStatus status) => status switch
    {
        TicketStatus.Waiting => "等待中",
        TicketStatus.Called => "已叫号",
        TicketStatus.Serving => "办理中",
        TicketStatus.Completed => "已办结",
        TicketStatus.NoShow => "已过号",
        TicketStatus.Transferred => "已转办",
        TicketStatus.OnHold => "挂起（容缺）",
        TicketStatus.Cancelled => "已取消",
        TicketStatus.Expired => "已过期",
        _ => status.ToString(),
    };

    private void Emit(HallEventKind kind, TicketRecord ticket, Func<HallEvent, HallEvent>? enrich = null)
    {
        var e = new HallEvent(
            context.HallId, 0, now, kind, ticket.TicketId, ticket.DisplayNumber, Code, ticket.WindowNo, ticket.Priority, ticket.Channel,
            Outcome: ticket.Outcome, Reason: ticket.Reason);
        state.PendingEvents.Add(enrich is null ? e : enrich(e));
        Dirty = true;
    }
}

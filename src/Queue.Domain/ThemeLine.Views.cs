using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>A theme's line, what it shows: the ticket at a window, people ahead, the line, a ticket's snapshot and the theme's statistics.</summary>
public sealed partial class ThemeLine
{
    public TicketRecord? Assigned(int windowNo) =>
        state.Tickets.Values.FirstOrDefault(t => t.WindowNo == windowNo && t.Status is TicketStatus.Called or TicketStatus.Serving);

    /// <summary>How many tickets of this theme will be called before this one (its own class ordering).</summary>
    public int PeopleAhead(TicketRecord ticket)
    {
        if (ticket.Status != TicketStatus.Waiting)
        {
            return 0;
        }

        // The order calls take: 绿色通道 before appointments before everyone else (BestPriority), then the line (the index keeps it).
        return state.Line.PeopleAhead(state.Tickets, ticket);
    }

    /// <summary>
    /// The waiting display numbers in the order <see cref="PeopleAhead"/> counts them (tickets directed to a window left
    /// out), with each position's predicted wait and range (<see cref="WaitPrediction.Predict"/>; null when no open window serves the line).
    /// </summary>
    public LineView Line(double servingWindows, ThemeWaitForecast? forecast = null)
    {
        var numbers = Waiting.Where(t => t.DirectedToWindow is null)
            .OrderByDescending(t => t.Priority).ThenBy(t => t.LineKey).Select(t => t.DisplayNumber).ToList();
        var waits = numbers.Select((_, k) => Predict(k, servingWindows, forecast)).ToList();
        return new(
            context.HallId,
            Code,
            [.. numbers],
            AverageServiceMinutes,
            Math.Round(servingWindows, 2),
            now,
            [.. waits.Select(w => w?.Point)],
            [.. waits.Select(w => w?.Low)],
            [.. waits.Select(w => w?.High)]);
    }

    /// <summary>The line as the forward wait prediction starts from: every waiting ticket in the order calls take them (directed ones included).</summary>
    public LineState State() => new(
        Code,
        [.. Waiting.OrderByDescending(t => t.Priority).ThenBy(t => t.LineKey)
            .Select(t => new WaitingTicket(t.TicketId, t.DisplayNumber, t.Priority, t.WaitingSince, t.DirectedToWindow))],
        AverageServiceMinutes,
        state.LastNumber,
        now);

    private WaitRange? Predict(int peopleAhead, double servingWindows, ThemeWaitForecast? forecast) =>
        WaitPrediction.Predict(peopleAhead, AverageServiceMinutes, servingWindows, forecast, now);

    /// <summary>This line's work for the wait estimate: the people waiting in the common line × the mean service time.</summary>
    public ThemeLoad Load => new(Code, state.Line.CommonLine(state.Tickets), AverageServiceMinutes);

    /// <summary>The ticket as its theme knows it; the rating is the ticket grain's to add.</summary>
    public TicketSnapshot Snapshot(TicketRecord ticket, double servingWindows, ThemeWaitForecast? forecast = null)
    {
        int? ahead = ticket.Status == TicketStatus.Waiting ? PeopleAhead(ticket) : null;
        var predicted = ahead is { } k ? Predict(k, servingWindows, forecast) : null;
        return new TicketSnapshot(
            ticket.TicketId, context.HallId, Code, ticket.DisplayNumber, ticket.Priority, ticket.Channel, ticket.Status,
            ticket.IssuedAt, ticket.CalledAt, ticket.ServiceStartedAt, ticket.FinishedAt, ticket.WindowNo, ticket.RecallCount,
            ticket.Outcome, ticket.Reason, ticket.Rejoined, ticket.TransferredFrom, ticket.DirectedToWindow, ahead, predicted?.Point, Rating: null,
            ticket.BusinessDay, ticket.CitizenName, PredictedWaitLow: predicted?.Low, PredictedWaitHigh: predicted?.High,
            AwaitingArrival: ticket.AwaitingArrival, ArrivedAt: ticket.ArrivedAt,
            LeaveHomeBy: ticket.AwaitingArrival ? LeaveHome.By(now, predicted?.Low, ticket.TravelMinutes) : null, TravelMinutes: ticket.TravelMinutes);
    }

    public double AverageServiceMinutes => Math.Round(state.Stats.Current(context.Theme.ExpectedServiceMinutes), 2);

    public ThemeQueueSnapshot Stats(double servingWindows, ThemeWaitForecast? forecast = null)
    {
        var tickets = state.Tickets.Values;
        var waiting = tickets.Where(t => t.Status == TicketStatus.Waiting).ToList();
        var longest = waiting.Count == 0 ? 0 : waiting.Max(t => Waited(t).TotalMinutes);
        var late = waiting.Count(t => Waited(t).TotalMinutes >= context.Theme.TargetMinutes);
        var newcomer = Predict(waiting.Count(t => t.DirectedToWindow is null), servingWindows, forecast);
        return new ThemeQueueSnapshot(
            Code,
            waiting.Count,
            tickets.Count(t => t.Status == TicketStatus.OnHold),
            tickets.Count(t => t.Status is TicketStatus.Called or TicketStatus.Serving),
            state.LastNumber, // numbers count the day's tickets
            state.CompletedToday,
            Math.Round(longest, 1),
            newcomer?.Point,
            AverageServiceMinutes,
            Math.Round(servingWindows, 2),
            context.Theme.TargetMinutes,
            late,
            newcomer?.Low,
            newcomer?.High);
    }
}

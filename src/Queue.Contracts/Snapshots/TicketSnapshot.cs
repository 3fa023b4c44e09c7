using Queue.Contracts.Model;

namespace Queue.Contracts.Snapshots;

/// <summary>
/// What the citizen, the window and the board know of one ticket. <see cref="CitizenName"/> is masked (张*).
/// <see cref="AccessKey"/> is set by the web tier for those who may hold the ticket's link (<c>/t/{id}?k={key}</c>), and
/// <see cref="PredictedWaitMinutes"/> is the predicted wait's central figure and <see cref="PredictedWaitLow"/>–<see cref="PredictedWaitHigh"/>
/// its range (shown as "预计 10–20 分钟"; all null when no open window serves the line). A remote ticket is
/// <see cref="AwaitingArrival"/> until its holder checks in at the entrance (<see cref="ArrivedAt"/>); while it waits,
/// <see cref="LeaveHomeBy"/> is when to leave to arrive before the earliest predicted call. <see cref="Link"/> with it: that link made absolute with the installation's public address (what the kiosk's QR code encodes).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TicketSnapshot(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string HallId,
    [property: Id(2)] string ThemeCode,
    [property: Id(3)] string DisplayNumber,
    [property: Id(4)] PriorityClass Priority,
    [property: Id(5)] IssueChannel Channel,
    [property: Id(6)] TicketStatus Status,
    [property: Id(7)] DateTimeOffset IssuedAt,
    [property: Id(8)] DateTimeOffset? CalledAt,
    [property: Id(9)] DateTimeOffset? ServiceStartedAt,
    [property: Id(10)] DateTimeOffset? FinishedAt,
    [property: Id(11)] int? WindowNo,
    [property: Id(12)] int RecallCount,
    [property: Id(13)] ServiceOutcome? Outcome,
    [property: Id(14)] string? Reason,
    [property: Id(15)] bool Rejoined,
    [property: Id(16)] string? TransferredFrom,
    [property: Id(17)] int? DirectedToWindow,
    [property: Id(18)] int? PeopleAhead,
    [property: Id(19)] double? PredictedWaitMinutes,
    [property: Id(20)] int? Rating,
    [property: Id(21)] DateOnly BusinessDay,
    [property: Id(22)] string? CitizenName = null,
    [property: Id(23)] string? AccessKey = null,
    [property: Id(24)] string? Link = null,
    [property: Id(25)] double? PredictedWaitLow = null,
    [property: Id(26)] double? PredictedWaitHigh = null,
    [property: Id(33)] bool AwaitingArrival = false,
    [property: Id(34)] DateTimeOffset? ArrivedAt = null,
    [property: Id(35)] DateTimeOffset? LeaveHomeBy = null,
    [property: Id(36)] int? TravelMinutes = null)
{
    public bool IsActive => Status is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving or TicketStatus.OnHold;
}

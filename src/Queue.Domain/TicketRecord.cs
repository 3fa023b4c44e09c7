using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>One ticket as its theme keeps it for the day.</summary>
[GenerateSerializer]
public sealed class TicketRecord
{
    [Id(0)] public required string TicketId { get; init; }

    [Id(1)] public required string DisplayNumber { get; init; }

    [Id(2)] public PriorityClass Priority { get; set; }

    [Id(3)] public IssueChannel Channel { get; set; }

    [Id(4)] public TicketStatus Status { get; set; }

    [Id(5)] public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The clock urgency runs on: the issue time, kept across transfers; a rejoined no-show's penalty time.</summary>
    [Id(6)] public DateTimeOffset WaitingSince { get; set; }

    /// <summary>When the ticket last entered the line (issue, rejoin, transfer, resume): the start of the wait measured at its call.</summary>
    [Id(7)] public DateTimeOffset QueuedAt { get; set; }

    [Id(8)] public DateTimeOffset? CalledAt { get; set; }

    [Id(9)] public DateTimeOffset? ServiceStartedAt { get; set; }

    [Id(10)] public DateTimeOffset? FinishedAt { get; set; }

    [Id(11)] public int? WindowNo { get; set; }

    [Id(12)] public int RecallCount { get; set; }

    [Id(13)] public ServiceOutcome? Outcome { get; set; }

    [Id(14)] public string? Reason { get; set; }

    [Id(15)] public bool Rejoined { get; set; }

    [Id(16)] public string? TransferredFrom { get; set; }

    [Id(17)] public string? TransferredTo { get; set; }

    [Id(18)] public int? DirectedToWindow { get; set; }

    [Id(19)] public DateOnly BusinessDay { get; set; }

    /// <summary>Order of arrival in this theme's line: breaks ties between tickets with the same waiting time.</summary>
    [Id(20)] public long Arrival { get; set; }

    /// <summary>The keyed hash of the citizen's ID-card or phone number, when one was given; never the number.</summary>
    [Id(21)] public string? CitizenKey { get; init; }

    /// <summary>The citizen's name as given, masked (张*); never the full name.</summary>
    [Id(22)] public string? CitizenName { get; init; }

    /// <summary>When a remote ticket's holder checked in at the hall's entrance; null before (and for tickets taken in the hall).</summary>
    [Id(33)] public DateTimeOffset? ArrivedAt { get; set; }

    /// <summary>A remote ticket's travel time to the hall, as the citizen gave it: the "leave home by" time is the predicted wait less this.</summary>
    [Id(34)] public int? TravelMinutes { get; init; }

    /// <summary>A remote ticket whose holder has not checked in yet (线上取号，未到厅).</summary>
    public bool AwaitingArrival => Channel == IssueChannel.Remote && ArrivedAt is null && IsActive;

    /// <summary>The line's order within a class: who waited longest, then who came first.</summary>
    public (DateTimeOffset WaitingSince, long Arrival) LineKey => (WaitingSince, Arrival);

    public bool IsActive => Status is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving or TicketStatus.OnHold;
}

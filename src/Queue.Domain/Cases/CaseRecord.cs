using Queue.Contracts.Cases;
using Queue.Contracts.Model;

namespace Queue.Domain.Cases;

/// <summary>One case as the hall's case book keeps it; its deadline is fixed when it opens.</summary>
[GenerateSerializer]
public sealed class CaseRecord
{
    [Id(0)] public required string CaseId { get; init; }

    [Id(1)] public CaseKind Kind { get; init; }

    [Id(2)] public CaseStatus Status { get; set; }

    [Id(3)] public required string TicketId { get; init; }

    [Id(4)] public string? DisplayNumber { get; init; }

    [Id(5)] public required string ThemeCode { get; init; }

    [Id(6)] public int? WindowNo { get; init; }

    [Id(7)] public string? StaffId { get; init; }

    /// <summary>The rating's level (a follow-up).</summary>
    [Id(8)] public int? Level { get; init; }

    /// <summary>The rating's comment, or the 没办成's reason.</summary>
    [Id(9)] public string? Comment { get; init; }

    [Id(10)] public string? CitizenName { get; init; }

    /// <summary>When the rating or the 没办成 was journaled.</summary>
    [Id(11)] public DateTimeOffset OpenedAt { get; init; }

    /// <summary>The last working day of the deadline, in the hall's time zone.</summary>
    [Id(12)] public DateOnly Deadline { get; init; }

    [Id(13)] public string? Assignee { get; set; }

    [Id(14)] public string? Department { get; set; }

    [Id(15)] public DateTimeOffset? ClosedAt { get; set; }

    [Id(16)] public List<CaseChange> History { get; init; } = [];
}

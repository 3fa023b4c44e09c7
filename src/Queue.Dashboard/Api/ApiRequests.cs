using Queue.Contracts.Model;

namespace Queue.Dashboard.Api;

/// <summary>
/// POST /api/halls/{hallId}/themes/{themeCode}/tickets. The citizen's ID-card number, phone and name are optional;
/// numbers are kept only as a keyed hash and the name only masked.
/// </summary>
public sealed record IssueTicketRequest(
    IssueChannel? Channel, PriorityClass? Priority, string? RequestId, string? IdNumber = null, string? Phone = null, string? Name = null);

public sealed record SignInRequest(string? StaffId, string? StaffName);

public sealed record ReasonRequest(string? Reason);

public sealed record CompleteRequest(ServiceOutcome? Outcome, string? Reason);

public sealed record TransferRequest(string? ToTheme, int? ToWindow, string? Note);

public sealed record RateRequest(int? Level, string? Comment);

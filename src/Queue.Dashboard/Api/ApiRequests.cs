using Queue.Contracts.Model;

namespace Queue.Dashboard.Api;

/// <summary>
/// POST /api/halls/{hallId}/themes/{themeCode}/tickets. The citizen's ID-card number, phone and name are optional;
/// numbers are kept only as a keyed hash and the name only masked.
/// </summary>
/// <summary>
/// A ticket request. <see cref="NotifyPhone"/> is a mobile number for notifications (叫号提醒 by SMS or WeChat through the
/// hall's webhooks), accepted only with <see cref="NotifyConsent"/> true; it is kept sealed for the day only.
/// </summary>
public sealed record IssueTicketRequest(
    IssueChannel? Channel, PriorityClass? Priority, string? RequestId, string? IdNumber = null, string? Phone = null, string? Name = null,
    string? NotifyPhone = null, bool? NotifyConsent = null);

public sealed record SignInRequest(string? StaffId, string? StaffName);

public sealed record ReasonRequest(string? Reason);

public sealed record CompleteRequest(ServiceOutcome? Outcome, string? Reason);

public sealed record TransferRequest(string? ToTheme, int? ToWindow, string? Note);

public sealed record RateRequest(int? Level, string? Comment);

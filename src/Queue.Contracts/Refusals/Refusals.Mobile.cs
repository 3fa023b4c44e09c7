using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of 一次性告知 (a theme's notice), remote tickets (线上取号) and the entrance check-in.</summary>
public static partial class Refusals
{
    /// <summary>A notice list or text too long, too many items, or with control characters (422).</summary>
    public static QueueRuleException NoticeSize(string? themeCode, string field, int maxItems, int maxLength) =>
        Config("theme-notice", nameof(T.NoticeSize), themeCode, field, maxItems, maxLength);

    /// <summary>A notice's English is not the Chinese item for item (422).</summary>
    public static QueueRuleException NoticeTranslation(string? themeCode, string field) =>
        Config("theme-notice", nameof(T.NoticeTranslation), themeCode, field);

    /// <summary>The theme has no 一次性告知 configured (404).</summary>
    public static QueueRuleException NoticeNotFound(string themeCode) => Make(ProblemKind.NotFound, "notice-not-found", nameof(T.NoticeNotFound), themeCode);

    /// <summary>A remote ticket needs an ID-card or phone number: the limits are per citizen (400).</summary>
    public static QueueRuleException RemoteIdentity() => Make(ProblemKind.Invalid, "remote-identity", nameof(T.RemoteIdentity));

    /// <summary>The citizen already holds an active remote ticket for the theme today (409).</summary>
    public static QueueRuleException RemoteActive(string displayNumber) => Make(ProblemKind.Conflict, "remote-active", nameof(T.RemoteActive), displayNumber);

    /// <summary>The citizen took the day's allowance of remote tickets (409).</summary>
    public static QueueRuleException RemoteCitizenLimit(int max) => Make(ProblemKind.Conflict, "remote-limit", nameof(T.RemoteCitizenLimit), max);

    /// <summary>The day's allowance of remote tickets from one network address is used up (429).</summary>
    public static QueueRuleException RemoteAddressLimit(int max) => Make(ProblemKind.TooManyRequests, "remote-address-limit", nameof(T.RemoteAddressLimit), max);

    /// <summary>The entrance code is wrong or has expired (422).</summary>
    public static QueueRuleException EntranceCode() => Make(ProblemKind.Unprocessable, "entrance-code", nameof(T.EntranceCode));

    /// <summary>Only a remote ticket checks in at the entrance; others were taken in the hall (422).</summary>
    public static QueueRuleException NotRemote(string displayNumber) => Make(ProblemKind.Unprocessable, "not-remote", nameof(T.NotRemote), displayNumber);

    public static QueueRuleException AlreadyArrived(string displayNumber) => Make(ProblemKind.Conflict, "already-arrived", nameof(T.AlreadyArrived), displayNumber);

    public static QueueRuleException CannotArrive(string displayNumber, TicketStatus status) => WrongTicketState(nameof(T.WrongTicketStateArrive), displayNumber, status);
}

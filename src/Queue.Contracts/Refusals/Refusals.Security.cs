using System.Globalization;
using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of sign-in, accounts and devices.</summary>
public static partial class Refusals
{
    public static QueueRuleException Unauthorized() => Make(ProblemKind.Unauthorized, "unauthorized", nameof(T.Unauthorized));

    public static QueueRuleException Forbidden() => Make(ProblemKind.Forbidden, "forbidden", nameof(T.Forbidden));

    /// <summary>No valid key to this ticket: 401 for nobody in particular, 403 for a caller signed in without the right.</summary>
    public static QueueRuleException TicketKey(bool signedIn) =>
        Make(signedIn ? ProblemKind.Forbidden : ProblemKind.Unauthorized, "ticket-key", nameof(T.TicketKey));

    public static QueueRuleException InvalidUserName() => Make(ProblemKind.Unprocessable, "user-name", nameof(T.UserName));

    public static QueueRuleException AccountNotFound(string userName) => Make(ProblemKind.NotFound, "account-not-found", nameof(T.AccountNotFound), userName);

    public static QueueRuleException AccountExists(string userName) => Make(ProblemKind.Conflict, "account-exists", nameof(T.AccountExists), userName);

    public static QueueRuleException LastAdministrator() => Make(ProblemKind.Conflict, "last-administrator", nameof(T.LastAdministrator));

    public static QueueRuleException AccountHall() => Make(ProblemKind.Unprocessable, "account-hall", nameof(T.AccountHall));

    public static QueueRuleException DeviceNotFound(string deviceId) => Make(ProblemKind.NotFound, "device-not-found", nameof(T.DeviceNotFound), deviceId);

    /// <summary>A revoked device stays revoked: it gets no new link (register it again instead).</summary>
    public static QueueRuleException DeviceRevoked(string deviceId) => Make(ProblemKind.Conflict, "device-revoked", nameof(T.DeviceRevoked), deviceId);

    public static QueueRuleException TooManyDevices(int max) => Make(ProblemKind.Conflict, "too-many-devices", nameof(T.TooManyDevices), max);

    public static QueueRuleException WeakPassword(int minLength, int maxLength) => Make(ProblemKind.Unprocessable, "weak-password", nameof(T.WeakPassword), minLength, maxLength);

    /// <summary>Too many wrong passwords at sign-in: the message says how many minutes, Retry-After how many seconds.</summary>
    public static QueueRuleException SignInLocked(TimeSpan retryAfter) =>
        new(ProblemKind.TooManyRequests, "sign-in-locked", nameof(T.SignInLocked), [Math.Ceiling(retryAfter.TotalMinutes).ToString(CultureInfo.InvariantCulture)])
        {
            RetryAfter = retryAfter,
        };

    /// <summary>Too many wrong passwords when changing one's own.</summary>
    public static QueueRuleException SignInLockedLater(TimeSpan retryAfter) =>
        new(ProblemKind.TooManyRequests, "sign-in-locked", nameof(T.SignInLockedLater), [])
        {
            RetryAfter = retryAfter,
        };

    public static QueueRuleException BadCredentials() => Make(ProblemKind.Unauthorized, "bad-credentials", nameof(T.BadCredentials));

    public static QueueRuleException WrongCurrentPassword() => Make(ProblemKind.Unprocessable, "bad-credentials", nameof(T.WrongCurrentPassword));

    public static QueueRuleException BadDeviceToken() => Make(ProblemKind.Unauthorized, "bad-device-token", nameof(T.BadDeviceToken));

    public static QueueRuleException RateLimited() => Make(ProblemKind.TooManyRequests, "rate-limited", nameof(T.RateLimited));
}

using T = Queue.Contracts.Model.RefusalTexts;

namespace Queue.Contracts.Model;

/// <summary>The refusals of a request's body and query, and the web tier's own answers.</summary>
public static partial class Refusals
{
    public static QueueRuleException BodyRequired() => Make(ProblemKind.Invalid, "body-required", nameof(T.BodyRequired));

    public static QueueRuleException Missing(string field) => Make(ProblemKind.Invalid, "missing-" + field, nameof(T.Missing), field);

    public static QueueRuleException MissingRole() => Make(ProblemKind.Invalid, "missing-role", nameof(T.MissingRole));

    public static QueueRuleException MissingKind() => Make(ProblemKind.Invalid, "missing-kind", nameof(T.MissingKind));

    public static QueueRuleException MissingLevel() => Make(ProblemKind.Invalid, "missing-level", nameof(T.MissingLevel));

    public static QueueRuleException InvalidNumber(string field, long min, long max) => Make(ProblemKind.Invalid, "invalid-" + field, nameof(T.InvalidNumber), field, min, max);

    public static QueueRuleException InvalidFlag(string field) => Make(ProblemKind.Invalid, "invalid-" + field, nameof(T.InvalidFlag), field);

    public static QueueRuleException InvalidValue(string field, string value) => Make(ProblemKind.Invalid, "invalid-" + field, nameof(T.InvalidValue), field, value);

    public static QueueRuleException InvalidText(string field, int max) => Make(ProblemKind.Invalid, "invalid-" + field, nameof(T.InvalidText), field, max);

    public static QueueRuleException InvalidDate(string field) => Make(ProblemKind.Invalid, "invalid-" + field, nameof(T.InvalidDate), field);

    public static QueueRuleException RangeReversed() => Make(ProblemKind.Invalid, "invalid-range", nameof(T.RangeReversed));

    public static QueueRuleException RangeTooLong(int maxDays) => Make(ProblemKind.Invalid, "invalid-range", nameof(T.RangeTooLong), maxDays);

    public static QueueRuleException InvalidMetric() => Make(ProblemKind.Invalid, "invalid-metric", nameof(T.InvalidMetric));

    public static QueueRuleException InvalidSize() => Make(ProblemKind.Invalid, "invalid-size", nameof(T.InvalidSize));

    public static QueueRuleException IdNumberLength() => Make(ProblemKind.Invalid, "invalid-idNumber", nameof(T.IdNumberLength));

    public static QueueRuleException IdNumberCheck() => Make(ProblemKind.Invalid, "invalid-idNumber", nameof(T.IdNumberCheck));

    public static QueueRuleException Phone() => Make(ProblemKind.Invalid, "invalid-phone", nameof(T.Phone));

    public static QueueRuleException TooManyWatches(int max) => Make(ProblemKind.Conflict, "too-many-watches", nameof(T.TooManyWatches), max);

    // The web tier's own answers: not rules of the queue, but the same catalogue of sentences.
    public static QueueRuleException Busy() => Make(ProblemKind.Unavailable, "busy", nameof(T.Busy));

    public static QueueRuleException Unavailable() => Make(ProblemKind.Unavailable, "unavailable", nameof(T.Unavailable));

    public static QueueRuleException Internal() => Make(ProblemKind.Internal, "internal", nameof(T.Internal));

    /// <summary>An unreadable body; <paramref name="at"/> is where, as a JSON path.</summary>
    public static QueueRuleException MalformedJson(string at) => Make(ProblemKind.Invalid, "malformed-json", nameof(T.MalformedJson), at);

    public static QueueRuleException BadRequest() => Make(ProblemKind.Invalid, "bad-request", nameof(T.BadRequest));

    /// <summary>A browser asked for a page that is not there (a mistyped or outdated address); coded like any other 404.</summary>
    public static QueueRuleException NoSuchPage() => Make(ProblemKind.NotFound, "http-404", nameof(T.NoSuchPage));

    /// <summary>The answer to a bare HTTP status (no endpoint, wrong method, wrong content type), coded http-{status}.</summary>
    public static QueueRuleException HttpStatus(int status)
    {
        var code = "http-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return status switch
        {
            401 => Make(ProblemKind.Unauthorized, code, nameof(T.Unauthorized)),
            403 => Make(ProblemKind.Forbidden, code, nameof(T.Forbidden)),
            404 => Make(ProblemKind.NotFound, code, nameof(T.NoSuchResource)),
            405 => Make(ProblemKind.Invalid, code, nameof(T.MethodNotAllowed)),
            415 => Make(ProblemKind.Invalid, code, nameof(T.UnsupportedMediaType)),
            _ => Make(ProblemKind.Invalid, code, nameof(T.BadRequest)),
        };
    }
}

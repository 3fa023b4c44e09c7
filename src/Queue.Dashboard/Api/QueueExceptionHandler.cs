using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;

namespace Queue.Dashboard.Api;

/// <summary>
/// Every failure becomes ProblemDetails with a stable code and a Chinese and an English message: refused
/// commands as 400/404/409/422, unreadable requests as 400, an unreachable cluster as 503. No stack trace
/// ever leaves the server.
/// </summary>
public sealed class QueueExceptionHandler(IProblemDetailsService problems, ILogger<QueueExceptionHandler> logger) : IExceptionHandler
{
    private const int MaxPathLength = 200;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, zh, en) = Classify(exception);
        if (status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        if (exception is QueueRuleException { RetryAfter: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = null,
            ProblemDetails = ApiProblems.Create(status, code, zh, en),
        });
    }

    private static (int Status, string Code, string Zh, string En) Classify(Exception exception) => exception switch
    {
        QueueRuleException rule => Problem(ApiProblems.StatusOf(rule.Kind), rule),
        BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
        BadHttpRequestException bad => (bad.StatusCode, "bad-request", Refusals.BadRequest().MessageZh, bad.Message),
        JsonException json => MalformedJson(json),
        TimeoutException or OperationCanceledException => Problem(503, Refusals.Busy()),
        OrleansException => Problem(503, Refusals.Unavailable()),
        _ => Problem(500, Refusals.Internal()),
    };

    private static (int, string, string, string) Problem(int status, QueueRuleException refusal) => (status, refusal.Code, refusal.MessageZh, refusal.MessageEn);

    /// <summary>
    /// Where the body went wrong, as a JSON path ("$.priority"). Not the serializer's message: it names the
    /// server's .NET types ("could not be converted to Queue.Dashboard.Api.IssueTicketRequest").
    /// </summary>
    private static (int, string, string, string) MalformedJson(JsonException json) =>
        Problem(400, Refusals.MalformedJson(json.Path is { Length: > 0 } path ? path[..Math.Min(path.Length, MaxPathLength)] : "$"));
}

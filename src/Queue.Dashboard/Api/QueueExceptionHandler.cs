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
        QueueRuleException rule => (ApiProblems.StatusOf(rule.Kind), rule.Code, rule.MessageZh, rule.MessageEn),
        BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
        BadHttpRequestException bad => (bad.StatusCode, "bad-request", "请求无效", bad.Message),
        JsonException json => MalformedJson(json),
        TimeoutException or OperationCanceledException => (503, "busy", "服务繁忙，请稍后重试", "The service is busy; try again shortly"),
        OrleansException => (503, "unavailable", "服务暂不可用，请稍后重试", "The service is temporarily unavailable; try again shortly"),
        _ => (500, "internal", "服务器内部错误，已记录", "Internal error; it has been logged"),
    };

    /// <summary>
    /// Where the body went wrong, as a JSON path ("$.priority"). Not the serializer's message: it names the
    /// server's .NET types ("could not be converted to Queue.Dashboard.Api.IssueTicketRequest").
    /// </summary>
    private static (int, string, string, string) MalformedJson(JsonException json)
    {
        var at = json.Path is { Length: > 0 } path ? path[..Math.Min(path.Length, MaxPathLength)] : "$";
        return (400, "malformed-json", $"请求内容不是有效的JSON或字段类型不正确（位置 {at}）", $"The body is not valid JSON for this request (at {at})");
    }
}

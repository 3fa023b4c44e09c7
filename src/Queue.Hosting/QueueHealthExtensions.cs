using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Queue.Hosting;

/// <summary>
/// <c>/health/live</c>: the process serves requests (no check runs). <c>/health/ready</c>: every check tagged
/// <see cref="Ready"/> passes (the silo is active or the client reaches the cluster, and the store answers); 503 otherwise.
/// Both answer a small JSON document with each check's status.
/// </summary>
public static class QueueHealthExtensions
{
    public const string Ready = "ready";

    public static IEndpointRouteBuilder MapQueueHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write }).AllowAnonymous();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = Write }).AllowAnonymous();
        return routes;
    }

    private static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, Json));
    }

    /// <summary>Chinese and quotes as they are (the body is UTF-8), so that <c>curl</c> shows a readable reason.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

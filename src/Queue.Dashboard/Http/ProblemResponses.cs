using Microsoft.AspNetCore.Mvc;

namespace Queue.Dashboard.Http;

/// <summary>
/// The error responses an endpoint declares in the OpenAPI document, each as ProblemDetails
/// (<c>application/problem+json</c>), the way <see cref="QueueExceptionHandler"/>, the authorization result handler
/// and the rate limiter write them. Metadata only: what an endpoint answers is decided elsewhere.
/// </summary>
public static class ProblemResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>Refusals of the handler or of the grains it calls: 400, 401, 403, 404, 409, 422 or 429.</summary>
    public static TBuilder ProducesRefusals<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson));
        }

        return builder;
    }

    /// <summary>A JSON body: 400 when it is missing, malformed or refused by a rule, 415 when it is not JSON.</summary>
    public static TBuilder ProducesBodyRefusals<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesRefusals(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType);

    /// <summary>Behind an authorization policy: 401 with no (valid) credential, 403 without the permission.</summary>
    public static TBuilder ProducesAccessRefusals<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesRefusals(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

    /// <summary>Under a rate limit: 429 once the caller's permits for the minute are spent.</summary>
    public static TBuilder ProducesRateLimitRefusal<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesRefusals(StatusCodes.Status429TooManyRequests);
}

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Queue.WebTests.Http;

/// <summary>
/// The OpenAPI document lists every refusal an API operation can answer, each as ProblemDetails; the endpoints'
/// declarations agree with their policies (authorization, rate limit, JSON body).
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class OpenApiTests(QueueWebFactory web)
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task EveryApiOperationListsARefusalExceptTheThreeThatTakeNoInputAndRefuseNobody()
    {
        var operations = await Operations();

        var withoutRefusal = operations.Where(o => o.Value.Refusals.Length == 0).Select(o => o.Key).Order(StringComparer.Ordinal);

        Assert.Equal(["GET /api/auth/me", "GET /api/halls", "POST /api/auth/logout"], withoutRefusal);
        Assert.Equal(ApiEndpoints().Sum(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Count), operations.Count);
    }

    [Fact]
    public async Task EveryRefusalInTheDocumentIsProblemJsonAndNothingElse()
    {
        var operations = await Operations();

        var otherwise = operations
            .SelectMany(o => o.Value.RefusalContent.Where(r => r.Value is not [ProblemJson]).Select(r => $"{o.Key} {r.Key}: {string.Join(", ", r.Value)}"))
            .ToList();

        Assert.Empty(otherwise);
    }

    [Theory]
    [InlineData("POST /api/halls/{hallId}/themes/{themeCode}/tickets", new[] { 400, 401, 403, 404, 409, 415, 429 })]
    [InlineData("GET /api/tickets/{ticketId}", new[] { 401, 403, 404, 429 })]
    [InlineData("POST /api/tickets/{ticketId}/rejoin", new[] { 401, 403, 404, 409, 422, 429 })]
    [InlineData("POST /api/tickets/{ticketId}/rating", new[] { 400, 401, 403, 404, 409, 415, 422, 429 })]
    [InlineData("GET /api/halls/{hallId}/windows/{windowNo}", new[] { 401, 403, 404 })]
    [InlineData("POST /api/halls/{hallId}/windows/{windowNo}/call-next", new[] { 401, 403, 404, 409 })]
    [InlineData("POST /api/halls/{hallId}/windows/{windowNo}/transfer", new[] { 400, 401, 403, 404, 409, 415, 422 })]
    [InlineData("PUT /api/halls/{hallId}/windows/{windowNo}/profile", new[] { 400, 401, 403, 404, 415, 422 })]
    [InlineData("GET /api/halls/{hallId}", new[] { 404 })]
    [InlineData("GET /api/halls/{hallId}/opening", new[] { 404 })]
    [InlineData("PUT /api/halls/{hallId}", new[] { 400, 401, 403, 409, 415, 422 })]
    [InlineData("POST /api/halls/{hallId}/config/validate", new[] { 400, 401, 403, 415, 422 })]
    [InlineData("POST /api/halls/{hallId}/alerts/{themeCode}/apply", new[] { 401, 403, 404, 409, 422 })]
    [InlineData("POST /api/halls/{hallId}/windows/{windowNo}/undo-move", new[] { 401, 403, 404, 409 })]
    [InlineData("GET /api/halls/{hallId}/holidays", new[] { 404 })]
    [InlineData("GET /api/halls/{hallId}/events", new[] { 400, 401, 403, 404 })]
    [InlineData("GET /api/halls/{hallId}/analytics/kpis", new[] { 400, 401, 403, 404 })]
    [InlineData("GET /api/halls/{hallId}/analytics/ratings", new[] { 400, 401, 403, 404 })]
    [InlineData("GET /api/halls/{hallId}/analytics/performance", new[] { 400, 401, 403, 404 })]
    [InlineData("GET /api/halls/{hallId}/analytics/performance/export", new[] { 400, 401, 403, 404 })]
    [InlineData("GET /api/halls/{hallId}/analytics/one-trip", new[] { 400, 401, 403, 404 })]
    [InlineData("GET /api/tickets/{ticketId}/year", new[] { 401, 403, 404, 429 })]
    [InlineData("GET /api/halls/{hallId}/cases", new[] { 400, 401, 403, 404 })]
    [InlineData("PATCH /api/halls/{hallId}/cases/{caseId}", new[] { 400, 401, 403, 404, 409, 415 })]
    [InlineData("GET /api/halls/{hallId}/cases/export.xlsx", new[] { 400, 401, 403, 404 })]
    [InlineData("PUT /api/halls/{hallId}/cases/settings", new[] { 400, 401, 403, 404, 415 })]
    [InlineData("GET /api/halls/{hallId}/cases/overdue", new[] { 400, 401, 403, 404 })]
    [InlineData("GET /api/halls/{hallId}/booking/today", new[] { 400, 401, 403, 404 })]
    [InlineData("GET /api/halls/{hallId}/reports/monthly", new[] { 400, 401, 403, 404, 422 })]
    [InlineData("GET /api/halls/{hallId}/reports/monthly/export.xlsx", new[] { 400, 401, 403, 404, 422 })]
    [InlineData("POST /api/halls/{hallId}/advice/{date}/apply", new[] { 400, 401, 403, 404, 409 })]
    [InlineData("POST /api/halls/{hallId}/simulations", new[] { 400, 401, 403, 404, 409, 415, 422 })]
    [InlineData("POST /api/halls/{hallId}/simulations/heatmap", new[] { 400, 401, 403, 404, 415, 422 })]
    [InlineData("PUT /api/halls/{hallId}/advice/{date}/plan", new[] { 400, 401, 403, 404, 409, 415, 422 })]
    [InlineData("POST /api/auth/login", new[] { 400, 401, 415, 429 })]
    [InlineData("POST /api/auth/password", new[] { 400, 401, 403, 415, 422, 429 })]
    [InlineData("GET /api/accounts", new[] { 401, 403 })]
    [InlineData("POST /api/accounts", new[] { 400, 401, 403, 404, 409, 415, 422 })]
    [InlineData("POST /api/accounts/{userName}/disable", new[] { 401, 403, 404, 409 })]
    [InlineData("POST /api/accounts/{userName}/enable", new[] { 401, 403, 404 })]
    [InlineData("POST /api/halls/{hallId}/devices", new[] { 400, 401, 403, 404, 409, 415 })]
    [InlineData("GET /api/halls/{hallId}/webhooks", new[] { 401, 403, 404 })]
    [InlineData("POST /api/halls/{hallId}/webhooks", new[] { 400, 401, 403, 404, 409, 415, 422 })]
    [InlineData("PUT /api/halls/{hallId}/webhooks/{webhookId}", new[] { 400, 401, 403, 404, 409, 415, 422 })]
    [InlineData("DELETE /api/halls/{hallId}/webhooks/{webhookId}", new[] { 401, 403, 404 })]
    [InlineData("POST /api/halls/{hallId}/webhooks/{webhookId}/test", new[] { 401, 403, 404 })]
    [InlineData("GET /api/halls/{hallId}/webhooks/deliveries", new[] { 400, 401, 403, 404 })]
    [InlineData("GET /api/system/memory", new[] { 400, 401, 403 })]
    [InlineData("GET /api/halls/{hallId}/themes/{themeCode}/notice", new[] { 404 })]
    [InlineData("GET /api/halls/{hallId}/remote", new[] { 404, 429 })]
    [InlineData("POST /api/halls/{hallId}/themes/{themeCode}/remote-tickets", new[] { 400, 404, 409, 415, 422, 429 })]
    [InlineData("GET /api/halls/{hallId}/entrance", new[] { 401, 403, 404 })]
    [InlineData("POST /api/tickets/{ticketId}/arrive", new[] { 400, 401, 403, 404, 409, 415, 422, 429 })]
    [InlineData("GET /api/halls/{hallId}/booking/slots", new[] { 400, 404, 429 })]
    [InlineData("POST /api/halls/{hallId}/bookings", new[] { 400, 404, 409, 415, 422, 429 })]
    [InlineData("POST /api/halls/{hallId}/bookings/check-in", new[] { 400, 401, 403, 404, 409, 415, 429 })]
    [InlineData("PUT /api/bookings/{bookingId}", new[] { 400, 401, 403, 404, 409, 415, 422, 429 })]
    [InlineData("POST /api/bookings/{bookingId}/check-in", new[] { 400, 401, 403, 404, 409, 415, 422, 429 })]
    [InlineData("PUT /api/halls/{hallId}/booking/settings", new[] { 400, 401, 403, 404, 415, 422 })]
    [InlineData("POST /api/halls/{hallId}/booking/check", new[] { 400, 401, 403, 404, 409, 422 })]
    public async Task AnOperationListsExactlyTheRefusalsItsHandlerPolicyAndGrainsCanAnswer(string operation, int[] refusals)
    {
        var operations = await Operations();

        Assert.True(operations.ContainsKey(operation), $"{operation} is not in the document: {string.Join("; ", operations.Keys)}");
        Assert.Equal(refusals, operations[operation].Refusals);
    }

    [Fact]
    public void EveryEndpointClosedToAnonymousCallersDeclaresUnauthorizedAndForbidden()
    {
        var undeclared = ApiEndpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !Declares(e, StatusCodes.Status401Unauthorized) || !Declares(e, StatusCodes.Status403Forbidden))
            .Select(Name)
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void EveryRateLimitedEndpointDeclaresTooManyRequests()
    {
        var limited = ApiEndpoints().Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null).ToList();

        Assert.Equal(20, limited.Count); // 9 + the citizen's year + the remote ticket's three public endpoints + seven of booking's (with the entrance check-in)
        Assert.Empty(limited.Where(e => !Declares(e, StatusCodes.Status429TooManyRequests)).Select(Name));
    }

    [Fact]
    public void EveryEndpointThatReadsAJsonBodyDeclaresBadRequestAndUnsupportedMediaType()
    {
        var readers = ApiEndpoints().Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is not null).ToList();

        Assert.NotEmpty(readers);
        Assert.Empty(readers
            .Where(e => !Declares(e, StatusCodes.Status400BadRequest) || !Declares(e, StatusCodes.Status415UnsupportedMediaType))
            .Select(Name));
    }

    /// <summary>The /api operations of the document as "METHOD /path", with their 4xx codes (ascending) and each one's content types.</summary>
    private async Task<Dictionary<string, (int[] Refusals, Dictionary<string, string[]> RefusalContent)>> Operations()
    {
        using var client = web.CreateAnonymousClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operations = new Dictionary<string, (int[], Dictionary<string, string[]>)>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal) || p.Name == "/api"))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var refusals = operation.Value.TryGetProperty("responses", out var responses)
                    ? responses.EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList()
                    : [];
                var content = refusals.ToDictionary(
                    r => r.Name,
                    r => r.Value.TryGetProperty("content", out var types) ? types.EnumerateObject().Select(t => t.Name).ToArray() : [],
                    StringComparer.Ordinal);
                var codes = refusals.Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
                operations[$"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}"] = (codes, content);
            }
        }

        return operations;
    }

    /// <summary>The endpoints under /api that the document describes.</summary>
    private List<RouteEndpoint> ApiEndpoints() =>
        [.. web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })];

    private static bool Declares(Endpoint endpoint, int status) =>
        endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status && m.ContentTypes.Contains(ProblemJson));

    private static string Name(RouteEndpoint endpoint) =>
        $"{string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {endpoint.RoutePattern.RawText}";
}

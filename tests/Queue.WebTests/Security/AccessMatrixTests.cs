using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.WebTests.Http;
using Xunit.Abstractions;

namespace Queue.WebTests.Security;

/// <summary>
/// The role × endpoint matrix: every route of <see cref="AccessMatrix"/>, called by each kind of caller, is let
/// through exactly for the callers the design names and refused for the rest: 401 for nobody in particular, 403 for
/// anyone signed in or holding a device token. A second test checks that the matrix names every route the server maps.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class AccessMatrixTests(QueueWebFactory factory, ITestOutputHelper output)
{
    private static readonly string[] Refusals = ["unauthorized", "forbidden", "ticket-key", "http-401", "http-403"];

    [Fact]
    public async Task EveryRouteLetsThroughExactlyTheCallersTheDesignAllowsAndRefusesTheRest()
    {
        var world = await SecurityWorld.CreateAsync(factory);
        var clients = SecurityWorld.All.ToDictionary(c => c, world.Client);
        var wrong = new List<string>();
        var cells = 0;
        foreach (var row in AccessMatrix.Rows)
        {
            foreach (var caller in SecurityWorld.All)
            {
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(row.Path(world, caller), UriKind.Relative));
                if (row.Body is { } body)
                {
                    request.Content = JsonContent.Create(body(world, caller), options: QueueJson.Options);
                }

                if (row.WithKey)
                {
                    request.Headers.Add("X-Ticket-Key", world.Ticket.AccessKey);
                }

                using var response = await clients[caller].SendAsync(request);
                var code = await Code(response);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && Refusals.Contains(code);
                var expected = caller == Callers.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                var cell = $"{row} as {caller}: {(int)response.StatusCode} {code}";
                cells++;
                if ((int)response.StatusCode >= 500)
                {
                    wrong.Add(cell + " — a server error");
                }
                else if (row.Allowed.Contains(caller) == refused)
                {
                    wrong.Add(cell + (refused ? " — refused, but the design allows it" : " — let through, but the design refuses it"));
                }
                else if (refused && response.StatusCode != expected)
                {
                    wrong.Add(cell + $" — refused, but with {(int)response.StatusCode} instead of {(int)expected}");
                }
            }
        }

        output.WriteLine($"{cells} cells: {AccessMatrix.Rows.Count} routes × {SecurityWorld.All.Count} callers");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void TheMatrixNamesEveryRouteTheServerMaps()
    {
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !AccessMatrix.HubRoutes.Contains(Normalize(raw)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var named = AccessMatrix.Rows.Select(r => $"{r.Method} {Normalize(r.Route)}").ToHashSet();

        Assert.Empty(mapped.Except(named).Order(StringComparer.Ordinal));
    }

    /// <summary>"/api/halls/{hallId}/windows/{windowNo:int}/" → "/api/halls/{hallId}/windows/{windowNo}"; each dashboard's routes → its prefix.</summary>
    private static string Normalize(string route)
    {
        var text = "/" + route.Replace(":int", "", StringComparison.Ordinal).Trim('/');
        return text.StartsWith("/orleans", StringComparison.Ordinal) ? "/orleans"
            : text.StartsWith("/hangfire", StringComparison.Ordinal) ? "/hangfire"
            : text;
    }

    private static async Task<string?> Code(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}

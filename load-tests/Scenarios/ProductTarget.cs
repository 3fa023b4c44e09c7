using System.Net;
using System.Net.Http.Json;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Scenarios;

/// <summary>
/// A running product and the halls the scenarios use, read from its own API (themes, windows, service times). The client
/// carries the signed-in administrator's bearer token; the hub connections of boards carry the same (<see cref="Token"/>).
/// </summary>
public sealed class ProductTarget(HttpClient client, IReadOnlyList<HallConfig> halls) : IDisposable
{
    public HttpClient Client { get; } = client;

    public IReadOnlyList<HallConfig> Halls { get; } = halls;

    /// <summary>The bearer token <see cref="Client"/> sends; null when it sends none.</summary>
    public string? Token => Client.DefaultRequestHeaders.Authorization is { Scheme: "Bearer", Parameter: { } token } ? token : null;

    /// <summary>Checks that the product answers at <paramref name="url"/> and knows every hall in <paramref name="hallIds"/>; every request carries <paramref name="token"/>.</summary>
    public static async Task<ProductTarget> ConnectAsync(Uri url, IReadOnlyList<string> hallIds, int maxConnections, string? token, CancellationToken cancellation)
    {
        var client = LoadHttp.Create(url, maxConnections, token);
        try
        {
            return new ProductTarget(client, await ReadHallsAsync(client, hallIds, cancellation));
        }
        catch (Exception)
        {
            client.Dispose();
            throw;
        }
    }

    public static async Task<IReadOnlyList<HallConfig>> ReadHallsAsync(HttpClient client, IReadOnlyList<string> hallIds, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        var halls = new List<HallConfig>();
        foreach (var id in hallIds)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            HttpResponseMessage response;
            try
            {
                response = await client.GetAsync($"api/halls/{Uri.EscapeDataString(id)}", timeout.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                throw new ProductUnavailableException($"The product does not answer at {client.BaseAddress}: {ex.Message}", ex);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    throw new ProductUnavailableException($"The product at {client.BaseAddress} has no hall '{id}'.");
                }

                response.EnsureSuccessStatusCode();
                halls.Add(await response.Content.ReadFromJsonAsync<HallConfig>(QueueJson.Options, timeout.Token)
                    ?? throw new ProductUnavailableException($"Hall '{id}' answered an empty configuration."));
            }
        }

        return halls;
    }

    public void Dispose() => Client.Dispose();
}

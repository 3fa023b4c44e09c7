using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Queue.Contracts;
using Queue.Contracts.Config;

namespace Queue.LoadTests.Product;

/// <summary>
/// A province has many halls: the demo hall and copies of its configuration under other ids
/// ("binjiang", "binjiang-02", …), created with PUT /api/halls/{id} where they do not exist yet.
/// </summary>
public static class ProductHalls
{
    public const string Template = "binjiang";

    public static IReadOnlyList<string> Ids(int count) =>
        [.. Enumerable.Range(1, Math.Max(1, count)).Select(i => i == 1 ? Template : string.Create(CultureInfo.InvariantCulture, $"{Template}-{i:00}"))];

    public static async Task EnsureAsync(HttpClient client, IReadOnlyList<string> hallIds, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hallIds);
        HallConfig? template = null;
        foreach (var id in hallIds.Where(id => id != Template))
        {
            using (var existing = await client.GetAsync($"api/halls/{id}", cancellation))
            {
                if (existing.StatusCode != HttpStatusCode.NotFound)
                {
                    continue;
                }
            }

            template ??= await client.GetFromJsonAsync<HallConfig>($"api/halls/{Template}", QueueJson.Options, cancellation)
                ?? throw new InvalidOperationException($"Hall {Template} answered no configuration.");
            var copy = template with { HallId = id, Name = $"{template.Name}（{id}）", NameEn = $"{template.NameEn} ({id})" };
            using var put = await client.PutAsJsonAsync($"api/halls/{id}", copy, QueueJson.Options, cancellation);
            put.EnsureSuccessStatusCode();
        }
    }
}

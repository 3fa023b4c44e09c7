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

    /// <summary>Opening hours that hold at every hour of every day (<see cref="EnsureAsync"/>'s aroundTheClock).</summary>
    public static readonly (TimeOnly Opens, TimeOnly Closes) AroundTheClock = (TimeOnly.MinValue, new TimeOnly(23, 59, 59));

    public static IReadOnlyList<string> Ids(int count) =>
        [.. Enumerable.Range(1, Math.Max(1, count)).Select(i => i == 1 ? Template : string.Create(CultureInfo.InvariantCulture, $"{Template}-{i:00}"))];

    /// <summary>
    /// Creates the halls that do not exist yet. With <paramref name="aroundTheClock"/> (a product the tool started itself,
    /// never one at --url) every hall is also made open at every hour: the halls then behave as in opening hours whatever
    /// hour the run starts (issuing, the forward wait prediction every few seconds, the SLA guardian), so two runs measure
    /// the same thing; the demo hall's own hours (08:30–17:00 in Asia/Shanghai) made a run's figures depend on its hour.
    /// </summary>
    public static async Task EnsureAsync(HttpClient client, IReadOnlyList<string> hallIds, CancellationToken cancellation, bool aroundTheClock = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hallIds);
        HallConfig? template = null;
        foreach (var id in hallIds)
        {
            HallConfig? existing = null;
            using (var response = await client.GetAsync($"api/halls/{id}", cancellation))
            {
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    response.EnsureSuccessStatusCode();
                    existing = await response.Content.ReadFromJsonAsync<HallConfig>(QueueJson.Options, cancellation);
                }
            }

            var config = existing;
            if (config is null)
            {
                template ??= await client.GetFromJsonAsync<HallConfig>($"api/halls/{Template}", QueueJson.Options, cancellation)
                    ?? throw new InvalidOperationException($"Hall {Template} answered no configuration.");
                config = template with { HallId = id, Name = $"{template.Name}（{id}）", NameEn = $"{template.NameEn} ({id})" };
            }

            if (aroundTheClock)
            {
                config = config with { Opens = AroundTheClock.Opens, Closes = AroundTheClock.Closes, EnforceOpeningHours = false, Calendar = null };
            }

            if (config != existing)
            {
                using var put = await client.PutAsJsonAsync($"api/halls/{id}", config, QueueJson.Options, cancellation);
                put.EnsureSuccessStatusCode();
            }
        }
    }
}

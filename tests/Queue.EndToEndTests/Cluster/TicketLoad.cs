using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Queue.EndToEndTests.Cluster;

/// <summary>
/// Issues tickets in a loop through every web node, round robin over halls and themes, with a bounded wait per request,
/// and records every outcome: the acknowledged (201) ticket ids, and every other answer with its status and media type.
/// It issues as the kiosks' channel with a signed-in administrator's token, which no rate limit applies to.
/// </summary>
public sealed class TicketLoad(IReadOnlyList<Uri> webNodes, IReadOnlyList<(string Hall, string Theme)> lines, string token)
{
    public static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(20);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ConcurrentBag<Acknowledged> Tickets { get; } = [];

    public ConcurrentBag<Refused> Refusals { get; } = [];

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<Uri> WebNodes => webNodes;

    public async Task RunAsync(int workers, CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Worker(w, stop)));
    }

    private async Task Worker(int worker, CancellationToken stop)
    {
        using var http = ClusterHttp.Create(null, token);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var node = webNodes[(worker + n) % webNodes.Count];
            var (hall, theme) = lines[(worker * 7 + n) % lines.Count];
            var started = Now;
            var requestId = $"w{worker}-{n}";
            try
            {
                using var response = await http.PostAsJsonAsync(
                    new Uri(node, $"/api/halls/{hall}/themes/{theme}/tickets"),
                    new { channel = "Kiosk", priority = "Normal", requestId },
                    CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    using var json = JsonDocument.Parse(body);
                    Tickets.Add(new Acknowledged(hall, json.RootElement.GetProperty("ticketId").GetString()!, started, Now));
                }
                else
                {
                    Refusals.Add(new Refused(hall, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, started, Now));
                }
            }
            catch (TaskCanceledException)
            {
                Refusals.Add(new Refused(hall, 0, "timeout", $"no answer within {RequestLimit}", started, Now));
            }
        }
    }

    public sealed record Acknowledged(string Hall, string TicketId, TimeSpan Started, TimeSpan Answered);

    public sealed record Refused(string Hall, int Status, string? MediaType, string Body, TimeSpan Started, TimeSpan Answered);
}

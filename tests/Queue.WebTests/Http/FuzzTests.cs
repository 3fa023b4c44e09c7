using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Config;
using Xunit.Abstractions;

namespace Queue.WebTests.Http;

/// <summary>
/// Every route the API documents (and the chart route it does not), every method, hostile route values and bodies:
/// malformed and deeply nested JSON, wrong types, huge numbers and strings, control characters, path tricks,
/// injection text, wrong content types. Whatever it sends, the answer is never a 5xx. Seeded, so a failure repeats.
/// It works on its own copy of the demo hall, so what it changes (windows, advice) touches no other test. Each request
/// goes out either with no credential or as an administrator of its own (so the authorized paths are reached too);
/// that administrator never signs out, which would only end the fuzz early.
/// </summary>
[Collection(QueueWebCollection.Name)]
public sealed class FuzzTests(QueueWebFactory factory, ITestOutputHelper output)
{
    private const string FuzzHall = "fuzz-hall";
    private static readonly string[] Halls = [FuzzHall, "no-such-hall", "..%2F..%2Fetc", "%7F%20", "BINJIANG", "a'--", "中文大厅", new string('h', 300)];
    private static readonly string[] Themes = ["BDC", "ZZZ", "bdc", "%2e%2e", "A;B", new string('T', 200)];
    private static readonly string[] Windows = ["1", "20", "0", "-1", "99999999999", "1e3"];
    private static readonly string[] Tickets = ["fuzz-hall.BDC.AAAAAAAAAAAAAAAAAAAAAA", "x", "binjiang.BDC.%7F", "..", new string('t', 400)];
    private static readonly string[] Dates = ["2026-11-27", "2026-02-30", "27/11/2026", "0000-01-01", "0001-01-01", "0001-01-03", "9999-12-31", "today"];
    private static readonly string[] UserNames = ["nobody", "Fuzz", "..", "a", "fuzz-staff", new string('u', 300), "%7F"];
    private static readonly string[] DeviceIds = ["k0123456789", "b0123456789", "x", "..%2F", new string('d', 200)];
    private static readonly string[] Tokens = ["qs1.x.y", "qd1.fuzz-hall.k0123456789." + new string('s', 43), "qd1..", "Bearer", new string('q', 600)];
    private static readonly string[] Strings = ["", " ", "\u0000", "\u202e", "'; DROP TABLE grain_state; --", "<script>alert(1)</script>", "${jndi:ldap://x}", "🧾", new string('字', 5000)];

    [Fact]
    public async Task NoHostileInputToAnyEndpointGetsAServerError()
    {
        using var setup = factory.CreateClient();
        var demo = await setup.GetFromJsonAsync<HallConfig>(new Uri("/api/halls/binjiang", UriKind.Relative), QueueJson.Options);
        (await setup.PutAsJsonAsync(new Uri($"/api/halls/{FuzzHall}", UriKind.Relative), demo! with { HallId = FuzzHall }, QueueJson.Options)).EnsureSuccessStatusCode();
        var password = "fuzz-" + Guid.NewGuid().ToString("N");
        (await setup.PostAsJsonAsync(new Uri("/api/accounts", UriKind.Relative),
            new { userName = "fuzz-admin", displayName = "Fuzz", role = "Administrator", password })).EnsureSuccessStatusCode();
        (await setup.PostAsJsonAsync(new Uri("/api/accounts", UriKind.Relative),
            new { userName = "fuzz-staff", displayName = "Fuzz staff", role = "Staff", hallId = FuzzHall })).EnsureSuccessStatusCode();
        using var http = factory.WithToken(await factory.SignInAsync("fuzz-admin", password));
        using var anonymous = factory.CreateAnonymousClient();
        var routes = await Routes(http);
        routes.Add(("GET", "/charts/{hallId}/{name}.{format}"));
        var random = new Random(20261126);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (method, template) in routes)
        {
            for (var i = 0; i < 24; i++)
            {
                var path = Fill(template, random) + Query(random);
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : Body(random) };
                var signedOut = template == "/api/auth/logout" || random.Next(2) == 0;
                if (signedOut && random.Next(4) == 0)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Pick(random, Tokens));
                }

                using var response = await (signedOut ? anonymous : http).SendAsync(request);
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {path} → {(int)response.StatusCode} {await Snippet(request)}");
                }
                else if (response.StatusCode != HttpStatusCode.OK && response.StatusCode != HttpStatusCode.Created &&
                         response.Content.Headers.ContentType?.MediaType is { } type && type.Contains("json", StringComparison.Ordinal))
                {
                    Assert.Equal("application/problem+json", type);
                }
            }
        }

        output.WriteLine($"{sent} requests to {routes.Count} routes");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static async Task<List<(string Method, string Template)>> Routes(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete").Select(m => (m.Name.ToUpperInvariant(), p.Name)))];
    }

    private static string Fill(string template, Random random) => template
        .Replace("{hallId}", Pick(random, Halls), StringComparison.Ordinal)
        .Replace("{themeCode}", Pick(random, Themes), StringComparison.Ordinal)
        .Replace("{windowNo}", Pick(random, Windows), StringComparison.Ordinal)
        .Replace("{ticketId}", Pick(random, Tickets), StringComparison.Ordinal)
        .Replace("{date}", Pick(random, Dates), StringComparison.Ordinal)
        .Replace("{userName}", Pick(random, UserNames), StringComparison.Ordinal)
        .Replace("{deviceId}", Pick(random, DeviceIds), StringComparison.Ordinal)
        .Replace("{caseId}", Pick(random, ["C00001", "C1", "c00001", "C99999999999", "..%2F"]), StringComparison.Ordinal)
        .Replace("{name}", Pick(random, ["today", "arrivals", "waits", "waiting", "satisfaction", "advice", "nope", "..%2F"]), StringComparison.Ordinal)
        .Replace("{format}", Pick(random, ["svg", "png", "gif", ""]), StringComparison.Ordinal);

    private static string Query(Random random) => random.Next(3) switch
    {
        0 => "",
        1 => $"?date={Uri.EscapeDataString(Pick(random, Dates))}&weeks={Pick(random, ["0", "8", "53", "-1", "x"])}&after={Pick(random, ["-5", "0", "9223372036854775807", "x"])}&max={Pick(random, ["0", "100000", "-1"])}",
        _ => $"?theme={Uri.EscapeDataString(Pick(random, Strings))}&from={Pick(random, Dates)}&to={Pick(random, Dates)}&w={Pick(random, ["1", "100000", "800"])}&h=-3&metric={Pick(random, ["waits", "x"])}&gc={Pick(random, ["true", "yes"])}",
    };

    private static HttpContent Body(Random random)
    {
        var text = random.Next(13) switch
        {
            0 => "",
            1 => "{",
            2 => "[]",
            3 => "null",
            4 => new string('[', 5000) + new string(']', 5000),
            5 => "{\"level\": 1e309, \"outcome\": 7, \"channel\": -1, \"priority\": \"Vip\"}",
            6 => JsonSerializer.Serialize(new { staffId = Pick(random, Strings), staffName = Pick(random, Strings), reason = Pick(random, Strings) }),
            7 => JsonSerializer.Serialize(new { toTheme = Pick(random, Strings), toWindow = random.Next(int.MinValue, int.MaxValue), note = Pick(random, Strings) }),
            8 => JsonSerializer.Serialize(new { hallId = "binjiang", zones = new object?[] { null, 1, "x" }, themes = "all", windows = new { } }),
            9 => JsonSerializer.Serialize(new { kind = Pick(random, ["Dedicated", "Ordered", "Comprehensive", "Other"]), themes = new[] { Pick(random, Themes), Pick(random, Themes) } }),
            10 => new string('x', 200_000),
            11 => JsonSerializer.Serialize(new
            {
                userName = Pick(random, Strings), password = Pick(random, Strings), role = Pick(random, ["Staff", "Administrator", "Root", "7"]),
                hallId = Pick(random, Halls), kind = Pick(random, ["Kiosk", "Board", "Phone"]), name = Pick(random, Strings), token = Pick(random, Tokens),
                idNumber = Pick(random, ["11010519491231002X", "110105194912310021", "x", "1".PadLeft(40, '9')]), phone = Pick(random, ["13812345678", "+86 138-1234-5678", "12345", "1381234567800"]),
                currentPassword = Pick(random, Strings), newPassword = Pick(random, Strings),
            }),
            _ => Encoding.Latin1.GetString([.. Enumerable.Range(0, 64).Select(_ => (byte)random.Next(256))]),
        };
        return new StringContent(text, Encoding.UTF8, random.Next(5) == 0 ? "text/plain" : "application/json");
    }

    private static async Task<string> Snippet(HttpRequestMessage request) =>
        request.Content is null ? "" : (await request.Content.ReadAsStringAsync()) is var body && body.Length > 80 ? body[..80] + "…" : body;

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}

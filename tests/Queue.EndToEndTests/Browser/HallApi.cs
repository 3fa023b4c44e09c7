using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Queue.EndToEndTests.Browser;

/// <summary>The demo hall's HTTP API as a signed-in person (Bearer token), for arranging what the pages should show.</summary>
public sealed class HallApi : IDisposable
{
    private const string Hall = "/api/halls/binjiang";
    private readonly HttpClient _http;

    private HallApi(HttpClient http, string token)
    {
        _http = http;
        Token = token;
    }

    /// <summary>The session token, also what the pages' <c>queue_session</c> cookie carries.</summary>
    public string Token { get; }

    /// <summary>Signs in (POST /api/auth/login) and answers the API with that session.</summary>
    public static async Task<HallApi> LogInAsync(Uri baseAddress, string userName, string password)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName, password });
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Signing in as {userName} answered {(int)response.StatusCode}: {text}");
            }

            using var document = JsonDocument.Parse(text);
            var token = document.RootElement.GetProperty("token").GetString()!;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new HallApi(http, token);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public async Task<IssuedTicket> IssueAsync(string theme, string? name = null)
    {
        var ticket = await PostAsync($"{Hall}/themes/{theme}/tickets", new { channel = "Kiosk", priority = "Normal", requestId = Guid.NewGuid().ToString(), name });
        return new IssuedTicket(ticket.GetProperty("ticketId").GetString()!, ticket.GetProperty("displayNumber").GetString()!, ticket.GetProperty("accessKey").GetString()!);
    }

    public Task SignInAsync(int window) => PostAsync($"{Hall}/windows/{window}/sign-in", new { staffId = $"s{window:000}", staffName = "测试员" });

    /// <summary>Calls the next ticket at a window; answers the number called.</summary>
    public async Task<string> CallNextAsync(int window) =>
        (await PostAsync($"{Hall}/windows/{window}/call-next", new { })).GetProperty("current").GetProperty("displayNumber").GetString()!;

    public Task RecallAsync(int window) => PostAsync($"{Hall}/windows/{window}/recall", new { });

    public Task<JsonElement> WindowAsync(int window, string command, object? body = null) => PostAsync($"{Hall}/windows/{window}/{command}", body ?? new { });

    public Task<JsonElement> TicketAsync(string ticketId) => GetAsync($"/api/tickets/{ticketId}");

    /// <summary>A staff account of the demo hall with a generated password; answers the password.</summary>
    public async Task<string> CreateStaffAsync(string userName, string displayName) =>
        (await PostAsync("/api/accounts", new { userName, displayName, role = "Staff", hallId = "binjiang" })).GetProperty("password").GetString()!;

    /// <summary>Registers a kiosk or board ("Kiosk" or "Board") of the demo hall.</summary>
    public async Task<RegisteredDevice> RegisterDeviceAsync(string kind, string name)
    {
        var registered = await PostAsync($"{Hall}/devices", new { kind, name });
        return new RegisteredDevice(
            registered.GetProperty("device").GetProperty("deviceId").GetString()!,
            registered.GetProperty("token").GetString()!,
            registered.GetProperty("link").GetString()!);
    }

    public Task RevokeDeviceAsync(string deviceId) => PostAsync($"{Hall}/devices/{deviceId}/revoke", new { });

    /// <summary>Configures a hall of its own (PUT /api/halls/{hallId}), for a test that must not share the demo hall's lines.</summary>
    public async Task ConfigureHallAsync(string hallId, object config)
    {
        using var response = await _http.PutAsJsonAsync(new Uri($"/api/halls/{hallId}", UriKind.Relative), config, Queue.Contracts.QueueJson.Options);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"PUT /api/halls/{hallId} answered {(int)response.StatusCode}: {text}");
        }
    }

    /// <summary>A POST to any path of the API (another hall's window, a rating), answering the body.</summary>
    public Task<JsonElement> PostToAsync(string path, object body) => PostAsync(path, body);

    public async Task<JsonElement> GetAsync(string path) => await _http.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));

    /// <summary>PUTs a document (e.g. another hall's configuration) in the product's JSON shape; throws unless it succeeds.</summary>
    public async Task PutAsync(string path, object body)
    {
        using var response = await _http.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, Queue.Contracts.QueueJson.Options);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}

using System.Net.Http.Json;
using System.Text.Json;

namespace Queue.Tests.Browser;

/// <summary>The demo hall's HTTP API, for arranging what the pages should show.</summary>
public sealed class HallApi(Uri baseAddress) : IDisposable
{
    private const string Hall = "/api/halls/binjiang";
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public async Task<IssuedTicket> IssueAsync(string theme)
    {
        var ticket = await PostAsync($"{Hall}/themes/{theme}/tickets", new { channel = "Kiosk", priority = "Normal", requestId = Guid.NewGuid().ToString() });
        return new IssuedTicket(ticket.GetProperty("ticketId").GetString()!, ticket.GetProperty("displayNumber").GetString()!);
    }

    public Task SignInAsync(int window) => PostAsync($"{Hall}/windows/{window}/sign-in", new { staffId = $"s{window:000}", staffName = "测试员" });

    /// <summary>Calls the next ticket at a window; answers the number called.</summary>
    public async Task<string> CallNextAsync(int window) =>
        (await PostAsync($"{Hall}/windows/{window}/call-next", new { })).GetProperty("current").GetProperty("displayNumber").GetString()!;

    public Task RecallAsync(int window) => PostAsync($"{Hall}/windows/{window}/recall", new { });

    public Task WindowAsync(int window, string command, object? body = null) => PostAsync($"{Hall}/windows/{window}/{command}", body ?? new { });

    public async Task<JsonElement> TicketAsync(string ticketId) =>
        await _http.GetFromJsonAsync<JsonElement>(new Uri($"/api/tickets/{ticketId}", UriKind.Relative));

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

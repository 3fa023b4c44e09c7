using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Queue.EndToEndTests.Cluster;

/// <summary>HTTP clients of the cluster's web nodes, sending a bearer token or none, and signing in to get one.</summary>
public static class ClusterHttp
{
    /// <summary>A client (of <paramref name="webNode"/>, or of absolute addresses when null) that sends <paramref name="token"/> when given.</summary>
    public static HttpClient Create(Uri? webNode, string? token)
    {
        var http = new HttpClient { BaseAddress = webNode, Timeout = TicketLoad.RequestLimit };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>POST /api/auth/login on <paramref name="webNode"/>; answers the session token, or null with the refusal.</summary>
    public static async Task<(string? Token, string Refusal)> TrySignInAsync(Uri webNode, string userName, string password)
    {
        using var http = Create(webNode, null);
        using var response = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (null, $"{(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("token").GetString(), "");
    }

    public static async Task<string> SignInAsync(Uri webNode, string userName, string password)
    {
        var (token, refusal) = await TrySignInAsync(webNode, userName, password);
        return token ?? throw new InvalidOperationException($"Signing in as {userName} at {webNode} answered {refusal}");
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Queue.Contracts;
using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Http;

/// <summary>One HTTP request as a step's answer: 2xx is ok; anything else fails as "409 window-occupied" (status and problem code).</summary>
public static class HttpCall
{
    public static async Task<Response> SendAsync(HttpClient client, HttpMethod method, string path, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, path);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation);
        return response.IsSuccessStatusCode ? Response.Ok(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)) : await FailureAsync(response, cancellation);
    }

    /// <summary>Sends <paramref name="body"/> as Queue JSON and reads a <typeparamref name="T"/> back when the answer is 2xx.</summary>
    public static async Task<(Response Response, T? Body)> SendAsync<T>(HttpClient client, HttpMethod method, string path, object? body, CancellationToken cancellation)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: QueueJson.Options),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            return (await FailureAsync(response, cancellation), null);
        }

        var value = await response.Content.ReadFromJsonAsync<T>(QueueJson.Options, cancellation);
        return (Response.Ok(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)), value);
    }

    private static async Task<Response> FailureAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        return Response.Fail(ProblemCode(text) is { } code ? $"{status} {code}" : status, text.Length > 300 ? text[..300] : text);
    }

    private static string? ProblemCode(string text)
    {
        if (!text.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null; // not a ProblemDetails body: the status alone says it
        }
    }
}

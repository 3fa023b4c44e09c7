using System.Diagnostics;
using Queue.LoadTests.Http;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Product;

/// <summary>
/// Signing in to the product: POST /api/auth/login {userName, password} answers a bearer token, which every product
/// request of the tool then carries (the HTTP clients, the hub connections of boards). Phones carry none: they watch
/// their ticket by its key, as a citizen's phone does.
/// </summary>
public static class ProductSignIn
{
    /// <summary>The administrator the product creates on its first start.</summary>
    public const string Administrator = "admin";

    /// <summary>The environment variable read when --password is not given.</summary>
    public const string PasswordVariable = "QUEUE_ADMIN_PASSWORD";

    /// <summary>One attempt with <paramref name="anonymous"/> (a client that sends no credential); answers the token.</summary>
    public static async Task<string> SignInAsync(HttpClient anonymous, string userName, string password, CancellationToken cancellation)
    {
        var (response, answer) = await TryAsync(anonymous, userName, password, cancellation);
        return answer?.Token ?? throw new ProductUnavailableException(
            $"Signing in as {userName} at {anonymous.BaseAddress} failed: {response.Status} (give the password with --password or {PasswordVariable}).");
    }

    /// <summary>
    /// Signs in, trying again until <paramref name="limit"/>: the product creates its first administrator shortly after
    /// the host has started, so the first attempts may be refused. Every refusal counts against the product's sign-in
    /// rate limit (per address): the child product is started with that limit raised.
    /// </summary>
    public static async Task<string> WaitAsync(HttpClient anonymous, string userName, string password, TimeSpan limit, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var (response, answer) = await TryAsync(anonymous, userName, password, cancellation);
            if (answer is not null)
            {
                return answer.Token;
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"Signing in as {userName} at {anonymous.BaseAddress} still failed after {limit.TotalSeconds} s: {response.Status} {response.Message}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
    }

    private static async Task<(Engine.Response Response, LoginAnswer? Answer)> TryAsync(HttpClient anonymous, string userName, string password, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        try
        {
            return await HttpCall.SendAsync<LoginAnswer>(anonymous, HttpMethod.Post, "api/auth/login", new { userName, password }, cancellation);
        }
        catch (HttpRequestException ex)
        {
            throw new ProductUnavailableException($"The product does not answer at {anonymous.BaseAddress}: {ex.Message}", ex);
        }
    }

    /// <summary>The part of the sign-in answer the tool uses.</summary>
    private sealed record LoginAnswer(string Token, DateTimeOffset ExpiresAt);
}

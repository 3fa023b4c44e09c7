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
    /// Waits until the product is ready (<c>/health/ready</c>: among its checks, the first administrator exists), then
    /// signs in once. Guessing earlier would count refused sign-ins against the account, which locks after ten.
    /// </summary>
    public static async Task<string> WaitAsync(HttpClient anonymous, string userName, string password, TimeSpan limit, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var ready = await anonymous.GetAsync(new Uri("health/ready", UriKind.Relative), cancellation);
                if (ready.IsSuccessStatusCode)
                {
                    return await SignInAsync(anonymous, userName, password, cancellation);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"The product at {anonymous.BaseAddress} was not ready within {limit.TotalSeconds} s");
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

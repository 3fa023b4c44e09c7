using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Queue.Dashboard.Security;

/// <summary>
/// One scheme for people and devices. The token comes as <c>Authorization: Bearer</c> (API clients, tests, load
/// generators), as the <see cref="CookieName"/> cookie (the pages: set by sign-in or by a device's first visit), or,
/// on the hub only, as <c>access_token</c> (browsers cannot set headers on a WebSocket). No token: anonymous. A token
/// that does not check out: the request fails to authenticate and is treated as anonymous.
/// </summary>
public sealed class QueueAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Credentials credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Queue";
    public const string CookieName = "queue_auth";
    private const int MaxTokenLength = 512;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (token.Length > MaxTokenLength)
        {
            return AuthenticateResult.Fail("The token is too long");
        }

        var caller = await credentials.AuthenticateAsync(token);
        return caller is null
            ? AuthenticateResult.Fail("The token is not valid (expired, revoked or signed out)")
            : AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    /// <summary>A browser sent to a protected page (/orleans) goes to the sign-in page; an API client gets 401.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (SignInPage.WantsPage(Request))
        {
            Response.Redirect(SignInPage.For(Request));
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query)
        {
            return query;
        }

        return request.Cookies[CookieName] is { Length: > 0 } cookie ? cookie : null;
    }
}

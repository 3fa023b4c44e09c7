using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Queue.Dashboard.Security;

/// <summary>
/// One scheme for people and devices. The token comes as <c>Authorization: Bearer</c> (API clients, tests, load
/// generators), on the hub only as <c>access_token</c> (browsers cannot set headers on a WebSocket), or from the
/// pages' cookies: the person's session in <see cref="SessionCookie"/>, the device's token in
/// <see cref="DeviceCookie"/>. The two cookies never overwrite each other, so a manager who signs in and out on a
/// board's PC leaves the board signed in. A request with both is the person while the session holds, else the
/// device. (<see cref="LegacyCookie"/>, which held either before, is still read, by the token's prefix.) No token:
/// anonymous. Tokens of which none checks out: the request fails to authenticate and is treated as anonymous.
/// </summary>
public sealed class QueueAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Credentials credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Queue";
    public const string SessionCookie = "queue_session";
    public const string DeviceCookie = "queue_device";

    /// <summary>The one cookie of earlier versions, holding a session or a device token: read, never written.</summary>
    public const string LegacyCookie = "queue_auth";

    private const int MaxTokenLength = 512;
    private static readonly object TokenItem = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var tokens = TokensOf(Request);
        if (tokens.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        foreach (var token in tokens)
        {
            if (token.Length > MaxTokenLength || await credentials.AuthenticateAsync(token) is not { } caller)
            {
                continue;
            }

            Context.Items[TokenItem] = token;
            return AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
        }

        return AuthenticateResult.Fail("The token is not valid (too long, expired, revoked or signed out)");
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

    /// <summary>The token the request was authenticated with (the hub re-checks it), else the first one it offers.</summary>
    public static string? TokenOf(HttpContext http) =>
        http.Items.TryGetValue(TokenItem, out var token) && token is string used ? used : TokensOf(http.Request).FirstOrDefault();

    /// <summary>
    /// The tokens to try, in order: the Bearer header alone if there is one; else the hub's <c>access_token</c>
    /// alone; else the person's session cookie, then the device's cookie.
    /// </summary>
    public static IReadOnlyList<string> TokensOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return [header["Bearer ".Length..].Trim()];
        }

        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query)
        {
            return [query];
        }

        var legacy = Cookie(request, LegacyCookie);
        var legacyIsDevice = legacy?.StartsWith(DeviceToken.Prefix, StringComparison.Ordinal) == true;
        return new[] { Cookie(request, SessionCookie), legacyIsDevice ? null : legacy, Cookie(request, DeviceCookie), legacyIsDevice ? legacy : null }
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string? Cookie(HttpRequest request, string name) => request.Cookies[name] is { Length: > 0 } value ? value : null;
}

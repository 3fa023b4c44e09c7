using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Dashboard.Http;
using Queue.Hosting;

namespace Queue.Dashboard.Security;

/// <summary>
/// Signing in and out: people with a password, devices with their token. For the pages each gets its own cookie
/// (<see cref="QueueAuthenticationHandler.SessionCookie"/>, <see cref="QueueAuthenticationHandler.DeviceCookie"/>),
/// so a person signing in or out on a device's browser leaves the device's credential alone.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/login", SignIn).AllowAnonymous().RequireRateLimiting(SecurityExtensions.SignInLimit).ProducesRateLimitRefusal()
            .ProducesBodyRefusals().ProducesRefusals(401)
            .WithSummary("登录：返回令牌并设置 Cookie / Sign in: a bearer token, also set as a cookie for the pages");
        auth.MapPost("/logout", SignOut).AllowAnonymous().WithSummary("退出：结束该账号的所有会话（设备 Cookie 保留）/ Sign out everywhere and clear the person's cookie (a device's stays)");
        auth.MapGet("/me", Me).AllowAnonymous().WithSummary("当前身份 / Who the server sees");
        auth.MapPost("/password", ChangePassword).AllowAnonymous().RequireRateLimiting(SecurityExtensions.SignInLimit).ProducesRateLimitRefusal()
            .ProducesBodyRefusals().ProducesRefusals(401, 403, 422) // 401/403: only a signed-in person has a password to change
            .WithSummary("修改密码（其他会话随之结束）/ Change your password (ends your other sessions)");
        auth.MapPost("/device", DeviceSignIn).AllowAnonymous().RequireRateLimiting(SecurityExtensions.SignInLimit).ProducesRateLimitRefusal()
            .ProducesBodyRefusals().ProducesRefusals(401)
            .WithSummary("设备令牌换 Cookie / A device trades its token for the page cookie");
        return routes;
    }

    private static async Task<Ok<LoginResult>> SignIn(
        LoginRequest? request,
        HttpContext http,
        IGrainFactory grains,
        Credentials credentials,
        QueueKeys keys,
        IOptions<SecurityOptions> options,
        ILoggerFactory logs,
        [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        var body = RequestRules.Body(request);
        var userName = RequestRules.Text(body.UserName, "userName", 40);
        var password = RequestRules.Text(body.Password, "password", Passwords.MaxLength);
        var accounts = grains.GetGrain<IAccountsGrain>(0);
        if (await accounts.SignInLockedForAsync(userName) is { } locked)
        {
            throw Refusals.SignInLocked(locked);
        }

        // Afresh: the epoch or the password may have changed through another node.
        var credential = await credentials.FreshAccountAsync(userName);
        // An unknown user costs the same hashing as a wrong password, so the answer's timing does not tell which.
        var passwordRight = Passwords.Verify(password, credential?.Password ?? Passwords.Decoy);
        if (!passwordRight)
        {
            await accounts.SignInFailedAsync(userName);
        }

        if (!passwordRight || credential is null || credential.Account.Disabled)
        {
            logs.Audit().LogWarning(
                "Sign-in refused for {UserName} from {Address} ({Reason})",
                userName,
                http.Connection.RemoteIpAddress,
                credential is null ? "no such account" : credential.Account.Disabled ? "disabled" : "wrong password");
            throw Refusals.BadCredentials();
        }

        await accounts.SignInSucceededAsync(userName);
        var expiresAt = clock.GetUtcNow() + options.Value.SessionLifetime;
        var token = await new SessionToken(userName, credential.Epoch, expiresAt).SignAsync(keys);
        SetCookie(http, QueueAuthenticationHandler.SessionCookie, token, expiresAt);
        return TypedResults.Ok(new LoginResult(token, expiresAt, CallerView.Of(Credentials.CallerOf(credential.Account))));
    }

    private static async Task<NoContent> SignOut(HttpContext http, IGrainFactory grains, Credentials credentials)
    {
        var caller = http.Caller();
        if (caller.IsPerson)
        {
            await grains.GetGrain<IAccountsGrain>(0).EndSessionsAsync(caller.Id);
            credentials.Forget(caller.Id);
        }

        // Only the person's cookie: a device whose browser a person signed in and out of stays the device.
        http.Response.Cookies.Delete(QueueAuthenticationHandler.SessionCookie, new CookieOptions { Path = "/" });
        if (!LegacyHoldsDevice(http))
        {
            http.Response.Cookies.Delete(QueueAuthenticationHandler.LegacyCookie, new CookieOptions { Path = "/" });
        }

        return TypedResults.NoContent();
    }

    private static Ok<CallerView> Me(HttpContext http) => TypedResults.Ok(CallerView.Of(http.Caller()));

    private static async Task<Ok<LoginResult>> ChangePassword(
        ChangePasswordRequest? request,
        HttpContext http,
        IGrainFactory grains,
        Credentials credentials,
        QueueKeys keys,
        IOptions<SecurityOptions> options,
        [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        var caller = http.Caller();
        if (!caller.IsPerson)
        {
            throw AccessRules.Refusal(caller);
        }

        var body = RequestRules.Body(request);
        var current = RequestRules.Text(body.CurrentPassword, "currentPassword", Passwords.MaxLength);
        var next = Passwords.Checked(body.NewPassword);
        var accounts = grains.GetGrain<IAccountsGrain>(0);
        if (await accounts.SignInLockedForAsync(caller.Id) is { } locked)
        {
            throw Refusals.SignInLockedLater(locked);
        }

        var credential = await credentials.FreshAccountAsync(caller.Id);
        if (credential is null || !Passwords.Verify(current, credential.Password))
        {
            // A stolen session guessing the password counts against the account like a sign-in would.
            await accounts.SignInFailedAsync(caller.Id);
            throw Refusals.WrongCurrentPassword();
        }

        await accounts.SetPasswordAsync(caller.Id, Passwords.Hash(next));
        var fresh = (await credentials.FreshAccountAsync(caller.Id))!;
        var expiresAt = clock.GetUtcNow() + options.Value.SessionLifetime;
        var token = await new SessionToken(caller.Id, fresh.Epoch, expiresAt).SignAsync(keys);
        SetCookie(http, QueueAuthenticationHandler.SessionCookie, token, expiresAt);
        return TypedResults.Ok(new LoginResult(token, expiresAt, CallerView.Of(caller)));
    }

    private static async Task<Ok<CallerView>> DeviceSignIn(
        DeviceSignInRequest? request, HttpContext http, Credentials credentials, [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    {
        var token = RequestRules.Text(RequestRules.Body(request).Token, "token", 512);
        var caller = token.StartsWith(DeviceToken.Prefix, StringComparison.Ordinal) ? await credentials.AuthenticateAsync(token) : null;
        if (caller is null)
        {
            throw Refusals.BadDeviceToken();
        }

        // Browsers keep a cookie 400 days at most; a device signs in again from its link after that.
        SetCookie(http, QueueAuthenticationHandler.DeviceCookie, token, clock.GetUtcNow().AddDays(400));
        if (LegacyHoldsDevice(http))
        {
            // The earlier shared cookie's device token has moved to the device's own cookie.
            http.Response.Cookies.Delete(QueueAuthenticationHandler.LegacyCookie, new CookieOptions { Path = "/" });
        }

        return TypedResults.Ok(CallerView.Of(caller));
    }

    private static bool LegacyHoldsDevice(HttpContext http) =>
        http.Request.Cookies[QueueAuthenticationHandler.LegacyCookie]?.StartsWith(DeviceToken.Prefix, StringComparison.Ordinal) == true;

    private static void SetCookie(HttpContext http, string name, string token, DateTimeOffset expiresAt) =>
        http.Response.Cookies.Append(name, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = expiresAt,
            IsEssential = true,
        });
}

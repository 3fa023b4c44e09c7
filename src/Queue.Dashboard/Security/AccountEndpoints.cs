using Microsoft.AspNetCore.Http.HttpResults;
using Queue.Contracts;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Security;
using Queue.Dashboard.Http;

namespace Queue.Dashboard.Security;

/// <summary>
/// People's accounts. An administrator manages every account; a hall's manager manages the staff of that hall
/// (creates them, resets their passwords, disables them) and sees the hall's accounts.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(SecurityExtensions.OperationsPolicy)
            .ProducesAccessRefusals();
        accounts.MapGet("/", List).WithSummary("账号列表（大厅管理员只看本大厅）/ Accounts (a manager sees their hall's)");
        accounts.MapPost("/", Create).ProducesBodyRefusals().ProducesRefusals(404, 409, 422).WithSummary("新建账号；未给密码时生成并仅返回这一次 / Create an account; a generated password is returned only now");
        accounts.MapPost("/{userName}/password", ResetPassword).ProducesBodyRefusals().ProducesRefusals(404, 422)
            .WithSummary("重置密码并结束其会话 / Reset a password, ending that person's sessions");
        accounts.MapPost("/{userName}/disable", (string userName, HttpContext http, IGrainFactory grains, Credentials credentials, ILoggerFactory logs) =>
            SetDisabled(userName, true, http, grains, credentials, logs)).ProducesRefusals(404, 409).WithSummary("停用账号 / Disable an account");
        accounts.MapPost("/{userName}/enable", (string userName, HttpContext http, IGrainFactory grains, Credentials credentials, ILoggerFactory logs) =>
            SetDisabled(userName, false, http, grains, credentials, logs)).ProducesRefusals(404).WithSummary("启用账号 / Enable an account");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<AccountView>>> List(HttpContext http, IGrainFactory grains, string? hallId = null)
    {
        var caller = http.Caller();
        if (caller.Kind == CallerKind.Manager && hallId is not null && hallId != caller.HallId)
        {
            throw Refusals.Forbidden();
        }

        var hall = caller.Kind == CallerKind.Manager ? caller.HallId : hallId;
        return TypedResults.Ok(await grains.GetGrain<IAccountsGrain>(0).ListAsync(hall));
    }

    private static async Task<Created<AccountCredentialsResult>> Create(CreateAccountRequest? request, HttpContext http, IGrainFactory grains, ILoggerFactory logs)
    {
        var caller = http.Caller();
        var body = RequestRules.Body(request);
        var userName = RequestRules.Text(body.UserName, "userName", 40);
        var displayName = RequestRules.Text(body.DisplayName, "displayName", 64);
        if (!Identifiers.UserName().IsMatch(userName))
        {
            throw Refusals.InvalidUserName(); // before the password is hashed, not after
        }

        var role = body.Role ?? throw Refusals.MissingRole();
        RequestRules.Defined(body.Role, Role.Staff, "role");
        var hallId = role == Role.Administrator ? null : RequestRules.Text(body.HallId, "hallId", 40);
        MayManage(caller, role, hallId);
        if (hallId is not null)
        {
            await RequestRules.ExistingHall(grains, hallId);
        }

        var generated = body.Password is null ? Passwords.Generate() : null;
        var password = generated ?? Passwords.Checked(body.Password);
        var account = await grains.GetGrain<IAccountsGrain>(0).CreateAsync(new NewAccount(
            userName,
            displayName,
            role,
            hallId,
            Passwords.Hash(password),
            caller.Id));
        logs.Audit().LogInformation("Account {UserName} ({Role}, {HallId}) created by {Caller}", account.UserName, role, hallId, caller.Id);
        return TypedResults.Created($"/api/accounts/{account.UserName}", new AccountCredentialsResult(account, generated));
    }

    private static async Task<Ok<AccountCredentialsResult>> ResetPassword(
        string userName, ResetPasswordRequest? request, HttpContext http, IGrainFactory grains, Credentials credentials, ILoggerFactory logs)
    {
        var target = await Target(userName, http.Caller(), credentials);
        var generated = request?.Password is null ? Passwords.Generate() : null;
        var password = generated ?? Passwords.Checked(request!.Password);
        var account = await grains.GetGrain<IAccountsGrain>(0).SetPasswordAsync(target.UserName, Passwords.Hash(password));
        credentials.Forget(target.UserName);
        logs.Audit().LogInformation("Password of {UserName} reset by {Caller}", target.UserName, http.Caller().Id);
        return TypedResults.Ok(new AccountCredentialsResult(account, generated));
    }

    private static async Task<Ok<AccountView>> SetDisabled(
        string userName, bool disabled, HttpContext http, IGrainFactory grains, Credentials credentials, ILoggerFactory logs)
    {
        var target = await Target(userName, http.Caller(), credentials);
        var account = await grains.GetGrain<IAccountsGrain>(0).SetDisabledAsync(target.UserName, disabled);
        credentials.Forget(target.UserName);
        logs.Audit().LogInformation("Account {UserName} {Change} by {Caller}", target.UserName, disabled ? "disabled" : "enabled", http.Caller().Id);
        return TypedResults.Ok(account);
    }

    /// <summary>The account, if the caller may manage it (403 for another hall's account or a manager's own peers).</summary>
    private static async Task<AccountView> Target(string userName, Caller caller, Credentials credentials)
    {
        var notFound = Refusals.AccountNotFound(userName);
        if (!Identifiers.UserName().IsMatch(userName))
        {
            throw notFound;
        }

        var account = (await credentials.FreshAccountAsync(userName))?.Account ?? throw notFound;
        MayManage(caller, account.Role, account.HallId);
        return account;
    }

    private static void MayManage(Caller caller, Role role, string? hallId)
    {
        var allowed = caller.Kind == CallerKind.Administrator || (caller.Kind == CallerKind.Manager && role == Role.Staff && hallId == caller.HallId);
        if (!allowed)
        {
            throw Refusals.Forbidden();
        }
    }
}

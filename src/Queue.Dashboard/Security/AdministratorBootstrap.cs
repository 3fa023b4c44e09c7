using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Queue.Domain;
using Queue.Contracts.Grains;
using Queue.Contracts.Security;
using Queue.Dashboard.Http;
using Queue.Hosting;

namespace Queue.Dashboard.Security;

/// <summary>
/// First start: with no account at all, creates the administrator with a generated password (or the configured one)
/// and prints it once, on the console only, never to the log. On a single node with the demo hall it also registers
/// a demo kiosk and board and prints their links. Runs once the backend answers; in a cluster only the first web node
/// to ask creates the administrator (the accounts grain decides).
/// </summary>
public sealed class AdministratorBootstrap(
    IGrainFactory grains,
    IOptions<SecurityOptions> security,
    IOptions<QueueSiloOptions> silo,
    PublicLinks links,
    IConfiguration configuration,
    IServer server,
    IHostApplicationLifetime lifetime,
    FirstStartConsole console,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock,
    ILogger<AdministratorBootstrap> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        // One password for every attempt: if an attempt's answer is lost after the account was stored, the next one
        // recognizes the account as its own and still prints it.
        var password = security.Value.AdministratorPassword ?? Passwords.Generate();
        var hash = Passwords.Hash(password);
        var since = clock.GetUtcNow().AddSeconds(-5);
        for (var retry = false; !stoppingToken.IsCancellationRequested; retry = true)
        {
            try
            {
                await CreateFirstAdministrator(password, hash, retry ? since : null);
                return;
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
            {
                logger.LogInformation(ex, "The backend is not ready for the first-start check yet; trying again");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task CreateFirstAdministrator(string password, PasswordHash hash, DateTimeOffset? retryingSince)
    {
        var options = security.Value;
        var accounts = grains.GetGrain<IAccountsGrain>(0);
        var administrator = new NewAccount(options.AdministratorUserName, "系统管理员 Administrator", Role.Administrator, null, hash, "first-start");
        if (!await accounts.CreateFirstAdministratorAsync(administrator) &&
            !(retryingSince is { } since && await MadeByAnEarlierAttempt(accounts, options.AdministratorUserName, password, since)))
        {
            return;
        }

        logger.LogWarning("First start: created the administrator {UserName}; the password is printed on the console once", options.AdministratorUserName);
        var origin = links.Configured ?? ListeningOrigin();
        // Printed at once, before anything else can fail: the account exists now and will not be made again.
        await Print(
            "================ Queue 首次启动 / first start ================",
            $"系统管理员 Administrator: {options.AdministratorUserName}",
            options.AdministratorPassword is null ? $"初始密码 Password (仅显示这一次 / shown only now): {password}" : "初始密码 Password: as configured (Queue:Security:AdministratorPassword)",
            $"登录 Sign in: {origin}{SignInPage.Path}  ·  账号与设备 Accounts and devices: {origin}/admin");
        var role = configuration.GetValue(QueueWebOptions.Section + ":Role", WebRole.Silo);
        if (silo.Value.SeedDemoHall && role == WebRole.Silo)
        {
            try
            {
                var hallId = DemoHall.Load().HallId;
                var kiosk = await DeviceRegistration.RegisterAsync(grains, hallId, DeviceKind.Kiosk, "演示取号机 Demo kiosk", "first-start");
                var board = await DeviceRegistration.RegisterAsync(grains, hallId, DeviceKind.Board, "演示叫号屏 Demo board", "first-start");
                await Print($"演示取号机 Demo kiosk: {origin}{kiosk.Link}", $"演示叫号屏 Demo board: {origin}{board.Link}");
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                logger.LogWarning(ex, "The demo kiosk and board were not registered; register them on /admin");
            }
        }

        await Print("=============================================================");
    }

    /// <summary>Without Queue:Web:PublicBaseUrl: the first address the server listens on, a wildcard shown as localhost.</summary>
    private string ListeningOrigin() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost") ?? "";

    /// <summary>After a failed attempt: the only account is a first-start administrator made since this process began, with its password.</summary>
    private static async Task<bool> MadeByAnEarlierAttempt(IAccountsGrain accounts, string userName, string password, DateTimeOffset since) =>
        await accounts.GetCredentialAsync(userName) is { Account.CreatedBy: "first-start" } credential &&
        credential.Account.CreatedAt >= since &&
        (await accounts.ListAsync(null)).Count == 1 &&
        Passwords.Verify(password, credential.Password);

    private async Task Print(params string[] lines)
    {
        await console.Writer.WriteLineAsync(string.Join(Environment.NewLine, lines));
        await console.Writer.FlushAsync();
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Queue.Contracts.Grains;
using Queue.Contracts.Security;
using Queue.Dashboard.Hosting;
using Queue.Silo.Hosting;

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
    IConfiguration configuration,
    IServer server,
    IHostApplicationLifetime lifetime,
    FirstStartConsole console,
    ILogger<AdministratorBootstrap> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CreateFirstAdministrator();
                return;
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
            {
                logger.LogInformation(ex, "The backend is not ready for the first-start check yet; trying again");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task CreateFirstAdministrator()
    {
        var options = security.Value;
        var password = options.AdministratorPassword ?? Passwords.Generate();
        var administrator = new NewAccount(options.AdministratorUserName, "系统管理员 Administrator", Role.Administrator, null, Passwords.Hash(password), "first-start");
        if (!await grains.GetGrain<IAccountsGrain>(0).CreateFirstAdministratorAsync(administrator))
        {
            return;
        }

        logger.LogWarning("First start: created the administrator {UserName}; the password is printed on the console once", options.AdministratorUserName);
        var origin = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.Replace("://+", "://localhost").Replace("://[::]", "://localhost") ?? "";
        var lines = new List<string>
        {
            "================ Queue 首次启动 / first start ================",
            $"系统管理员 Administrator: {options.AdministratorUserName}",
            options.AdministratorPassword is null ? $"初始密码 Password (仅显示这一次 / shown only now): {password}" : "初始密码 Password: as configured (Queue:Security:AdministratorPassword)",
            $"登录 Sign in: {origin}{SignInPage.Path}  ·  账号与设备 Accounts and devices: {origin}/admin",
        };
        var role = configuration.GetValue(QueueWebOptions.Section + ":Role", WebRole.Silo);
        if (silo.Value.SeedDemoHall && role == WebRole.Silo)
        {
            var hallId = HallSeeder.LoadDemoHall().HallId;
            var kiosk = await DeviceRegistration.RegisterAsync(grains, hallId, DeviceKind.Kiosk, "演示取号机 Demo kiosk", "first-start");
            var board = await DeviceRegistration.RegisterAsync(grains, hallId, DeviceKind.Board, "演示叫号屏 Demo board", "first-start");
            lines.Add($"演示取号机 Demo kiosk: {origin}{kiosk.Link}");
            lines.Add($"演示叫号屏 Demo board: {origin}{board.Link}");
        }

        lines.Add("=============================================================");
        await console.Writer.WriteLineAsync(string.Join(Environment.NewLine, lines));
        await console.Writer.FlushAsync();
    }
}

using Microsoft.Extensions.Options;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Hosting;

namespace Queue.Dashboard.Demo;

/// <summary>
/// Keeps the demo hall alive: citizens arrive (a realistic mix of themes, channels and priorities) and simulated
/// staff at some windows call, serve (compressed lognormal service times), recall, mark no-shows, transfer and
/// collect ratings, all through the same grains as real users. Windows a person signs in to are left alone. Citizens
/// come only for the themes the hall's opening calendar lets issue now (closed zones and cut-offs get nobody).
/// </summary>
public sealed class DemoSimulator(
    IGrainFactory grains, IOptions<SimulatorOptions> options, [FromKeyedServices(QueueClock.Key)] TimeProvider clock, ILogger<DemoSimulator> logger) : BackgroundService
{
    private static readonly Dictionary<string, double> ThemeWeights = new()
    {
        ["BDC"] = 0.25, ["QYKB"] = 0.12, ["SW"] = 0.12, ["SBYB"] = 0.18, ["GJJ"] = 0.10, ["XSE"] = 0.06, ["HJ"] = 0.10, ["CRJ"] = 0.07,
    };

    private SimulatorOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled)
        {
            return;
        }

        var hall = await WaitForHall(stoppingToken);
        logger.LogInformation("Demo simulator running at hall {HallId}: {Windows} staffed windows, {Rate} arrivals/min", hall.HallId, Options.Windows.Count, Options.ArrivalsPerMinute);
        var staff = Options.Windows.Where(no => hall.FindWindow(no) is not null).Select(no => Staff(hall, no, stoppingToken));
        await Task.WhenAll(staff.Append(Arrivals(hall, stoppingToken)));
    }

    private async Task<HallConfig> WaitForHall(CancellationToken stoppingToken)
    {
        while (true)
        {
            if (await grains.GetGrain<IHallGrain>(Options.HallId).GetConfigAsync() is { } config)
            {
                return config;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }

    private async Task Arrivals(HallConfig hall, CancellationToken stoppingToken)
    {
        var themes = hall.Themes.Where(t => ThemeWeights.ContainsKey(t.Code)).ToList();
        var calendar = Domain.OpeningCalendar.For(hall);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Exponential(60.0 / Options.ArrivalsPerMinute), stoppingToken);
            var open = themes.Where(t => calendar?.CanIssue(t, clock.GetUtcNow()).Allowed ?? true).ToList();
            if (open.Count == 0)
            {
                continue;
            }

            await Safely(async () =>
            {
                var theme = Pick(open, t => ThemeWeights[t.Code]);
                var line = grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hall.HallId, theme.Code));
                if ((await line.GetStatsAsync()).Waiting >= Options.MaxWaitingPerTheme)
                {
                    return;
                }

                var roll = Random.Shared.NextDouble();
                var priority = roll < 0.08 ? PriorityClass.GreenChannel : roll < 0.13 ? PriorityClass.Appointment : PriorityClass.Normal;
                var channel = priority == PriorityClass.Appointment ? IssueChannel.Appointment : Random.Shared.NextDouble() < 0.7 ? IssueChannel.Kiosk : IssueChannel.Mobile;
                // Six in ten demo citizens give an ID card or phone (one of 5,000 made-up people), so the one-trip rate has figures.
                var citizen = Random.Shared.NextDouble() < 0.6 ? $"demo:{Random.Shared.Next(5000)}" : null;
                await line.IssueAsync(new IssueTicket(channel, priority, Guid.NewGuid().ToString("N"), citizen));
            });
        }
    }

    private async Task Staff(HallConfig hall, int windowNo, CancellationToken stoppingToken)
    {
        var window = grains.GetGrain<IWindowGrain>(GrainKeys.Window(hall.HallId, windowNo));
        var staffId = $"sim-{windowNo:00}";
        await Task.Delay(Random.Shared.Next(500, 5000), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Safely(async () =>
            {
                var now = await window.GetSnapshotAsync();
                if (now.State == WindowState.Closed)
                {
                    now = await window.SignInAsync(new SignIn(staffId, $"模拟坐席{windowNo}"));
                }

                if (now.StaffId != staffId)
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken); // a person has this window
                    return;
                }

                await Serve(hall, window, now, stoppingToken);
            });
        }
    }

    private async Task Serve(HallConfig hall, IWindowGrain window, Contracts.Snapshots.WindowSnapshot now, CancellationToken stoppingToken)
    {
        switch (now.State)
        {
            case WindowState.Paused:
                await Task.Delay(Seconds(20, 40), stoppingToken);
                await window.ResumeAsync();
                return;
            case WindowState.Idle when Random.Shared.NextDouble() < 0.01:
                await window.PauseAsync("短暂休息");
                return;
            case WindowState.Idle:
                if ((await window.CallNextAsync()).Current is null)
                {
                    await Task.Delay(Seconds(3, 6), stoppingToken);
                }

                return;
            case WindowState.Calling:
                await Task.Delay(Seconds(3, 8), stoppingToken); // the citizen walks over
                if (Random.Shared.NextDouble() < 0.05)
                {
                    for (var i = 0; i < hall.Policy.RecallsBeforeNoShow; i++)
                    {
                        await window.RecallAsync();
                        await Task.Delay(Seconds(4, 6), stoppingToken);
                    }

                    await window.NoShowAsync();
                    return;
                }

                await window.StartServiceAsync();
                return;
            case WindowState.Serving:
                var theme = hall.FindTheme(now.Current!.ThemeCode);
                var mean = (theme?.ExpectedServiceMinutes ?? 10) * 60 / Options.Speed;
                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(mean * Math.Exp((0.4 * Normal()) - 0.08), 3, 180)), stoppingToken);
                await Finish(hall, window, now, theme);
                return;
        }
    }

    private async Task Finish(HallConfig hall, IWindowGrain window, Contracts.Snapshots.WindowSnapshot now, ThemeConfig? theme)
    {
        var roll = Random.Shared.NextDouble();
        var others = now.Profile.Resolve(hall.ThemeCodes).Where(t => t != theme?.Code).ToList();
        if (roll < 0.03 && others.Count > 0)
        {
            await window.TransferAsync(new TransferTicket(others[Random.Shared.Next(others.Count)], null, "需另一事项办理"));
            return;
        }

        var done = roll >= 0.08;
        await window.CompleteAsync(done ? new CompleteService(ServiceOutcome.Done, null) : new CompleteService(ServiceOutcome.NotDone, "材料不全，已一次性告知"));
        if (done && Random.Shared.NextDouble() < 0.7)
        {
            var level = Random.Shared.NextDouble() switch { < 0.75 => 5, < 0.93 => 4, < 0.98 => 3, _ => 2 };
            await grains.GetGrain<ITicketGrain>(now.Current!.TicketId).RateAsync(new RateService(level, null));
        }
    }

    private async Task Safely(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (QueueRuleException rule)
        {
            logger.LogDebug("Simulator step refused: {Code} {Message}", rule.Code, rule.MessageEn);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Simulator step failed; backing off");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    private static T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var target = Random.Shared.NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            target -= weight(item);
            if (target <= 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static TimeSpan Exponential(double meanSeconds) => TimeSpan.FromSeconds(-meanSeconds * Math.Log(1 - Random.Shared.NextDouble()));

    private static TimeSpan Seconds(int min, int max) => TimeSpan.FromSeconds(Random.Shared.Next(min, max));

    private static double Normal() => Math.Sqrt(-2 * Math.Log(1 - Random.Shared.NextDouble())) * Math.Cos(2 * Math.PI * Random.Shared.NextDouble());
}

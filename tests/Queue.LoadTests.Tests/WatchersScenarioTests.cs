extern alias dashboard;

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;
using Queue.LoadTests.Product;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Tests;

/// <summary>
/// The watchers scenario against the real product in-process, served by Kestrel on 127.0.0.1 (the watchers are real
/// WebSocket clients): every call reaches every board of its hall (signed in as the administrator) and the phone of the
/// called ticket (no credential, only the ticket's key). Behaviour only.
/// </summary>
public sealed class WatchersScenarioTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("load-watchers-").FullName;
    private readonly int _port = FreePort.Next();
    private WebApplicationFactory<dashboard::Program>? _factory;

    public Task InitializeAsync()
    {
        _factory = TestProduct.Create(_data);
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        _factory.StartServer();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryCallReachesEveryBoardOfItsHallAndThePhoneOfTheCalledTicket()
    {
        using var product = await TwoHallsAsync();
        var watchers = new WatchersScenario(new WatchersOptions { BoardShare = 0.2, WindowsPerHall = 2 });
        var scenario = watchers.Create("watchers", product, 30, LoadSimulation.Inject(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))).WithoutWarmUp();

        var report = (await LoadRunner.RunAsync([scenario]))[0];

        Assert.Equal((6, 24), (watchers.Boards, watchers.Phones));
        Assert.Equal(0, report.Total.Fail);
        Assert.Equal(10, report.Step(WatchersScenario.CallStep).Ok);
        Assert.Equal(10, report.Step(WatchersScenario.PhoneStep).Ok); // the lines hold only the phones' tickets
        Assert.Equal(0, report.Step(WatchersScenario.PhoneStep).Fail);
        Assert.Equal(10 * 3, report.Step(WatchersScenario.BoardStep).Ok); // 3 boards per hall, every call
        Assert.Equal(0, report.Step(WatchersScenario.BoardStep).Fail);
        Assert.Equal(10, report.Step(WatchersScenario.CompleteStep).Ok);
        Assert.Equal(0, watchers.IdleCalls);
        Assert.NotNull(watchers.MemoryPerWatcher);
    }

    [Fact]
    public async Task TheSoakIssuesWhileWatchersWatchAndHallsCloseTheirDayWithoutAnErrorAndReadsTheMemoryTwice()
    {
        using var product = await TwoHallsAsync();
        var soak = new Soak(product, new SoakOptions
        {
            Duration = TimeSpan.FromSeconds(6), Rate = 10, Watchers = 20, CallsPerSecond = 3, CloseDayEvery = TimeSpan.FromSeconds(2), WarmUp = TimeSpan.FromSeconds(1),
        });
        using var sampling = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var memory = soak.SampleMemoryAsync(sampling.Token);

        var reports = await LoadRunner.RunAsync(soak.Create());
        await memory;

        Assert.Equal([Soak.Prefix + "kiosk-surge", Soak.Prefix + "watchers", Soak.Prefix + Soak.CloseDayStep], reports.Select(r => r.Name));
        Assert.All(reports, r => Assert.Equal(0, r.Total.Fail));
        Assert.Equal(60, reports[0].Total.Ok);
        Assert.Equal(3 * 2, reports[2].Step(Soak.CloseDayStep).Ok); // every 2 s, both halls
        Assert.Equal(TimeSpan.FromSeconds(3), soak.Windows.Window);
        Assert.True(soak.Windows.First.P99 > 0 && soak.Windows.Last.P99 > 0, "both windows hold issues");
        Assert.NotNull(soak.WorkingSetGrowth);
    }

    [Fact]
    public async Task TheHallsOfAProductTheToolStartedAreOpenAroundTheClockWhateverTheHour()
    {
        var (_, token) = await SignInAsync();
        using var setup = LoadHttp.Create(new Uri($"http://127.0.0.1:{_port}/"), 4, token);
        var halls = ProductHalls.Ids(2);

        await ProductHalls.EnsureAsync(setup, halls, CancellationToken.None, aroundTheClock: true);

        foreach (var id in halls)
        {
            var config = await setup.GetFromJsonAsync<HallConfig>($"api/halls/{id}", QueueJson.Options);
            Assert.Equal((id, TimeOnly.MinValue, new TimeOnly(23, 59, 59), false, null), (config!.HallId, config.Opens, config.Closes, config.EnforceOpeningHours, config.Calendar));
            Assert.NotEmpty(config.Themes); // the demo hall's, copied
        }
    }

    /// <summary>Signs in as the administrator, sets up two halls and connects the generator's clients to them.</summary>
    private async Task<ProductTarget> TwoHallsAsync()
    {
        var (url, token) = await SignInAsync();
        using var setup = LoadHttp.Create(url, 4, token);
        var halls = ProductHalls.Ids(2);
        await ProductHalls.EnsureAsync(setup, halls, CancellationToken.None);
        return await ProductTarget.ConnectAsync(url, halls, 16, token, CancellationToken.None);
    }

    /// <summary>The product's address and the administrator's bearer token.</summary>
    private async Task<(Uri Url, string Token)> SignInAsync()
    {
        var url = new Uri($"http://127.0.0.1:{_port}/");
        using var anonymous = LoadHttp.Create(url, 1);
        return (url, await TestProduct.SignInAsync(anonymous));
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; /tmp is cleaned by the system
        }
    }
}

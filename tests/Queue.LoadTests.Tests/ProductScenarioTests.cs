extern alias dashboard;

using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Queue.Contracts;
using Queue.Contracts.Snapshots;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Tests;

/// <summary>The product scenarios against the real product (in-process, over a temporary SQLite file with the demo hall), signed in as its administrator.</summary>
public sealed class ProductScenarioTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("load-product-").FullName;
    private WebApplicationFactory<dashboard::Program>? _factory;

    public Task InitializeAsync()
    {
        _factory = TestProduct.Create(_data);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task KiosksAndWindowStaffRunAgainstTheProductWithoutAnError()
    {
        var client = _factory!.CreateClient();
        client.WithToken(await TestProduct.SignInAsync(client)); // kiosks as the administrator: no rate limit
        using var product = new ProductTarget(client, await ProductTarget.ReadHallsAsync(client, ["binjiang"], CancellationToken.None));
        var staff = new WindowStaff(product, new WindowStaffOptions { ServiceTimeScale = 0.0002, NoShowShare = 0.3, TransferShare = 0.3, IdleWait = TimeSpan.FromMilliseconds(50) });
        var kiosks = new KioskSurge(product).Create("kiosk-surge", LoadSimulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))).WithoutWarmUp();
        var windows = staff.Create("window-staff", LoadSimulation.KeepConstant(4, TimeSpan.FromSeconds(2))).WithoutWarmUp();

        var reports = await LoadRunner.RunAsync([kiosks, windows]);

        Assert.Equal(20, reports[0].Step(KioskSurge.StepName).Ok);
        Assert.Equal(0, reports[0].Total.Fail);
        var work = reports[1];
        Assert.Equal(0, work.Total.Fail);
        Assert.Equal(4, work.Step(WindowStaff.SignIn).Ok);
        long Ok(string step) => work.Steps.FirstOrDefault(s => s.Name == step)?.Ok ?? 0;
        Assert.True(Ok(WindowStaff.Start) > 0, "some tickets were served");
        Assert.Equal(Ok(WindowStaff.Start), Ok(WindowStaff.Complete) + Ok(WindowStaff.Transfer));
        Assert.Equal(2 * Ok(WindowStaff.NoShow), Ok(WindowStaff.Recall));
    }

    [Fact]
    public async Task TheDeepLineFillsOneThemeStopsAfterItsDeepSampleAndLeavesTheHallsLinesEmpty()
    {
        var client = _factory!.CreateClient();
        client.WithToken(await TestProduct.SignInAsync(client));
        using var product = new ProductTarget(client, await ProductTarget.ReadHallsAsync(client, ["binjiang"], CancellationToken.None));
        var deep = new DeepLine(product, new DeepLineOptions { Waiting = 40, Sample = 10, Clients = 4, Limit = TimeSpan.FromSeconds(60), WarmUp = TimeSpan.FromSeconds(1) });
        using var stop = new CancellationTokenSource();
        _ = deep.Finished.ContinueWith(_ => stop.Cancel(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        var report = (await LoadRunner.RunAsync([deep.Create("issue-deep-line")], abort: stop.Token))[0];

        Assert.True(deep.Finished.IsCompleted, "the deep sample completed well before the 60 s limit");
        Assert.Equal(0, report.Total.Fail);
        Assert.Equal(10, report.Step(DeepLine.EmptyStep).Ok);
        Assert.Equal(4 + 26, report.Step(DeepLine.FillStep).Ok); // one per client before the empty sample, then tickets 15–40
        Assert.Equal(10, report.Step(DeepLine.DeepStep).Ok);
        Assert.NotNull(deep.Milestones.Ratio);
        Assert.True(deep.PeopleAhead.EmptyMax < 4 + 10 + 4, $"the empty sample met at most its own tickets and the clients' in flight ahead, not {deep.PeopleAhead.EmptyMax}");
        Assert.True(deep.PeopleAhead.DeepMin >= 40 - 4, $"the deep sample met the deep line, not {deep.PeopleAhead.DeepMin}");
        var hall = await client.GetFromJsonAsync<HallSnapshot>("api/halls/binjiang/snapshot", QueueJson.Options);
        Assert.All(hall!.Themes, t => Assert.Equal(0, t.Waiting)); // Clean closed the day: no later scenario meets the deep line
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

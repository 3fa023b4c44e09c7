using Queue.LoadTests.Baselines;
using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Tests;

public sealed class BaselineTests
{
    [Fact]
    public async Task PlaintextAndTheBareHubAnswerEveryRequestAndEveryWatcher()
    {
        await using var host = await BaselineHost.StartAsync();
        Assert.Equal("127.0.0.1", host.Address.Host);
        var plaintext = PlaintextBaseline.Create(host.Address, 4).WithLoad(LoadSimulation.KeepConstant(4, TimeSpan.FromSeconds(1))).WithoutWarmUp();
        var hub = new BareHubFanout(host.Address, watchers: 20);
        var fanout = hub.Create(LoadSimulation.Inject(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))).WithoutWarmUp();

        var reports = await LoadRunner.RunAsync([plaintext, fanout]);

        var text = reports[0];
        Assert.True(text.Total.Ok > 0);
        Assert.Equal(0, text.Total.Fail);
        Assert.Equal(text.Total.Ok, text.Step(PlaintextBaseline.StepName).Ok);
        var pushes = reports[1];
        Assert.Equal(5, pushes.Step(BareHubFanout.BroadcastStep).Ok);
        Assert.Equal(5 * 20, pushes.Step(BareHubFanout.DeliveryStep).Ok);
        Assert.Equal(0, pushes.Step(BareHubFanout.DeliveryStep).Fail);
        Assert.NotNull(hub.MemoryPerWatcher);
    }
}

using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Tests;

public sealed class ClosedModelTests
{
    [Fact]
    public async Task KeepConstantKeepsExactlyItsCopiesInFlight()
    {
        var probe = new ConcurrencyProbe();
        var instances = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>();
        var scenario = Scenario.Create("closed", async context =>
        {
            instances.TryAdd(context.InstanceNumber, 0);
            await probe.RunAsync(TimeSpan.FromMilliseconds(20));
            return Response.Ok();
        }).WithLoad(LoadSimulation.KeepConstant(4, TimeSpan.FromSeconds(1))).WithoutWarmUp();

        var report = (await LoadRunner.RunAsync([scenario])).Single();

        Assert.Equal(4, probe.Max);
        Assert.Equal(4, report.MaxInFlight);
        Assert.Equal([0, 1, 2, 3], instances.Keys.Order());
        Assert.True(probe.SeenAtEntry.Count(n => n == 4) > probe.SeenAtEntry.Count / 2, "most iterations start while the other three copies are busy");
        Assert.Equal(probe.SeenAtEntry.Count, report.Total.Ok);
    }

    [Fact]
    public async Task RampingConstantStartsWithFewCopiesAndNeverExceedsItsTarget()
    {
        var probe = new ConcurrencyProbe();
        var scenario = Scenario.Create("ramp", async _ =>
        {
            await probe.RunAsync(TimeSpan.FromMilliseconds(20));
            return Response.Ok();
        }).WithLoad(LoadSimulation.RampingConstant(4, TimeSpan.FromSeconds(1)), LoadSimulation.KeepConstant(4, TimeSpan.FromSeconds(0.5))).WithoutWarmUp();

        await LoadRunner.RunAsync([scenario]);

        Assert.Equal(1, probe.SeenAtEntry[0]);
        Assert.Equal(4, probe.Max);
    }

    [Fact]
    public async Task WarmUpIterationsAreNotCounted()
    {
        long measured = 0, warm = 0;
        var scenario = Scenario.Create("warm", async context =>
        {
            Interlocked.Increment(ref context.IsWarmUp ? ref warm : ref measured);
            await Task.Delay(10, context.CancellationToken);
            return Response.Ok();
        }).WithLoad(LoadSimulation.KeepConstant(2, TimeSpan.FromSeconds(0.6))).WithWarmUp(TimeSpan.FromSeconds(0.3));

        var report = (await LoadRunner.RunAsync([scenario])).Single();

        Assert.True(warm > 0);
        Assert.Equal(measured, report.Total.Ok);
    }
}

using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Tests;

public sealed class CountTests
{
    [Fact]
    public async Task OkAndFailCountsAddUpForTheScenarioAndEachStep()
    {
        // 40 iterations; step "a" fails every 5th call; step "b" runs only after a success and fails every 3rd call.
        long a = 0, aFailed = 0, b = 0, bFailed = 0;
        var scenario = Scenario.Create("counts", async context =>
        {
            var first = await context.Step("a", async () =>
            {
                await Task.Yield();
                var n = Interlocked.Increment(ref a);
                return n % 5 == 0 ? Fail(ref aFailed, "a-refused") : Response.Ok();
            });
            if (!first.IsOk)
            {
                return first;
            }

            return await context.Step("b", async () =>
            {
                await Task.Delay(2, context.CancellationToken);
                var n = Interlocked.Increment(ref b);
                return n % 3 == 0 ? Fail(ref bFailed, "b-refused") : Response.Ok();
            });
        }).WithLoad(LoadSimulation.Inject(40, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))).WithoutWarmUp();

        var report = (await LoadRunner.RunAsync([scenario])).Single();

        Assert.Equal((40, 8, 32, 10), (a, aFailed, b, bFailed));
        var stepA = report.Step("a");
        var stepB = report.Step("b");
        Assert.Equal(a, stepA.Requests);
        Assert.Equal(aFailed, stepA.Fail);
        Assert.Equal(b, stepB.Requests);
        Assert.Equal(bFailed, stepB.Fail);
        Assert.Equal(stepA.Ok, stepB.Requests);
        Assert.Equal(a, report.Total.Requests);
        Assert.Equal(stepA.Fail + stepB.Fail, report.Total.Fail);
        Assert.Equal(stepB.Ok, report.Total.Ok);
        Assert.Equal(aFailed, stepA.Failures["a-refused"]);
        Assert.Equal(bFailed, report.Total.Failures["b-refused"]);
    }

    [Fact]
    public async Task AnExceptionOrATimeoutIsAFailureNotACrash()
    {
        var scenario = Scenario.Create("throws", async context =>
        {
            var thrown = await context.Step("throws", () => throw new InvalidOperationException("boom"));
            var slow = await context.Step("slow", async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), context.CancellationToken);
                return Response.Ok();
            });
            return thrown.IsOk ? slow : thrown;
        }).WithLoad(LoadSimulation.Inject(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))).WithoutWarmUp() with { IterationTimeout = TimeSpan.FromMilliseconds(200) };

        var report = (await LoadRunner.RunAsync([scenario])).Single();

        Assert.Equal(4, report.Step("throws").Failures[nameof(InvalidOperationException)]);
        Assert.Equal(4, report.Step("slow").Failures["timeout"]);
        Assert.Equal(4, report.Total.Fail);
    }

    private static Response Fail(ref long counter, string status)
    {
        Interlocked.Increment(ref counter);
        return Response.Fail(status);
    }
}

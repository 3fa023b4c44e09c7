using System.Diagnostics;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;
using Queue.LoadTests.Product;

namespace Queue.LoadTests.Scenarios;

/// <summary>
/// The soak: kiosks issue at a fixed rate (half the maximum ticket rate) across the halls for the whole run, while boards
/// and phones stay connected and windows call (the watchers scenario), and every hall closes its day now and then
/// (<see cref="SoakOptions.CloseDayEvery"/>; the watchers' windows finish their call first and wait meanwhile). The issue latencies go into <see cref="SoakWindows"/> (first and last
/// 5 minutes); <see cref="SampleMemoryAsync"/> reads the product's working set (after a forced GC) at the end of the first
/// window, when warm-up is over, and shortly before the end.
/// </summary>
public sealed class Soak
{
    public const string Prefix = "soak/";
    public const string CloseDayStep = "close-day";
    private readonly ProductTarget _product;
    private readonly TaskCompletionSource<long> _measured = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Soak(ProductTarget product, SoakOptions options)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(options);
        _product = product;
        Options = options;
        Windows = new SoakWindows(options.Duration);
    }

    public SoakOptions Options { get; }

    public SoakWindows Windows { get; }

    public WatchersScenario Watchers { get; } = new();

    /// <summary>The product's memory when the first window ends (warm-up over); null if it was not read.</summary>
    public ProductMemory? AfterWarmUp { get; private set; }

    /// <summary>The product's memory shortly before the end; null if it was not read.</summary>
    public ProductMemory? AtEnd { get; private set; }

    /// <summary>Working set at the end ÷ after warm-up; null unless both were read.</summary>
    public double? WorkingSetGrowth => AfterWarmUp is { WorkingSetBytes: > 0 } a && AtEnd is { } e ? (double)e.WorkingSetBytes / a.WorkingSetBytes : null;

    public IReadOnlyList<Scenario> Create()
    {
        var during = Options.Duration;
        var kiosk = new KioskSurge(_product).Create(Prefix + ProductScenarios.KioskSurge, LoadSimulation.Inject(Options.Rate, TimeSpan.FromSeconds(1), during));
        var scenarios = new List<Scenario>
        {
            kiosk with { Run = context => IssueAsync(kiosk, context) },
            Watchers.Create(Prefix + ProductScenarios.Watchers, _product, Options.Watchers, LoadSimulation.Inject(Options.CallsPerSecond, TimeSpan.FromSeconds(1), during)),
        };
        if (Options.CloseDayEvery is { } every && every < during)
        {
            scenarios.Add(Scenario.Create(Prefix + CloseDayStep, CloseDaysAsync).WithLoad(LoadSimulation.Inject(1, every, during)).WithoutWarmUp());
        }

        return [.. scenarios.Select(s => s.WarmUp == TimeSpan.Zero ? s : s.WithWarmUp(Options.WarmUp))];
    }

    /// <summary>Reads the product's memory at the end of the first window and shortly before the end of the measured run.</summary>
    public async Task SampleMemoryAsync(CancellationToken cancellation)
    {
        var start = await _measured.Task.WaitAsync(cancellation);
        await Until(start, Windows.Window, cancellation);
        AfterWarmUp = await ProductMemory.ReadAsync(_product.Client, cancellation);
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, Windows.Window.Ticks / 5));
        await Until(start, Options.Duration - margin, cancellation);
        AtEnd = await ProductMemory.ReadAsync(_product.Client, cancellation);
    }

    private async Task<Response> IssueAsync(Scenario kiosk, ScenarioContext context)
    {
        var response = await kiosk.Run(context);
        if (!context.IsWarmUp)
        {
            _measured.TrySetResult(context.RunStart);
            if (response.IsOk)
            {
                // The kiosk's one step is timed from the intended start too: this is its latency.
                Windows.Record(Stopwatch.GetElapsedTime(context.RunStart, context.IntendedStart), Stopwatch.GetElapsedTime(context.IntendedStart));
            }
        }

        return response;
    }

    private async Task<Response> CloseDaysAsync(ScenarioContext context)
    {
        // No window may be in a call meanwhile: close-day expires called and served tickets too (a day's end, compressed).
        await using var held = await Watchers.HoldWindowsAsync(context.CancellationToken);
        foreach (var hall in _product.Halls)
        {
            var closed = await context.Step(CloseDayStep, () => HttpCall.SendAsync(_product.Client, HttpMethod.Post, $"api/halls/{hall.HallId}/close-day", context.CancellationToken));
            if (!closed.IsOk)
            {
                return closed;
            }
        }

        return Response.Ok();
    }

    private static async Task Until(long start, TimeSpan offset, CancellationToken cancellation)
    {
        var wait = offset - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellation);
        }
    }
}

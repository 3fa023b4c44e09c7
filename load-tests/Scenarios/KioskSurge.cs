using Queue.Contracts.Snapshots;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Scenarios;

/// <summary>
/// Kiosks issuing tickets: each iteration takes one ticket in a hall and theme drawn Zipf-like (the first halls
/// and themes of the list are the busiest), with a unique requestId so no retry deduplication hides work.
/// </summary>
public sealed class KioskSurge
{
    public const string StepName = "issue ticket";
    private static readonly string RunTag = Guid.NewGuid().ToString("N")[..8];
    private readonly ProductTarget _target;
    private readonly ZipfSampler _halls;
    private readonly ZipfSampler[] _themes;
    private long _sequence;

    public KioskSurge(ProductTarget target, double exponent = 1.0)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _halls = new ZipfSampler(target.Halls.Count, exponent);
        _themes = [.. target.Halls.Select(h => new ZipfSampler(h.Themes.Length, exponent))];
    }

    public Scenario Create(string name, params LoadSimulation[] load) => Scenario.Create(name, IterateAsync).WithLoad(load);

    /// <summary>
    /// Every hall closes its day: after a surge nobody called, the halls' lines are thousands long, and every hall's
    /// forward wait prediction simulates its whole line every few seconds; the next scenario should not pay for that.
    /// </summary>
    public Task CloseDaysAsync(CancellationToken cancellation) =>
        Parallel.ForEachAsync(_target.Halls, cancellation, async (hall, ct) =>
            await WatchersSetup.Checked(HttpCall.SendAsync(_target.Client, HttpMethod.Post, $"api/halls/{hall.HallId}/close-day", ct)));

    private Task<Response> IterateAsync(ScenarioContext context)
    {
        var h = _halls.Next(Random.Shared);
        var hall = _target.Halls[h];
        var theme = hall.Themes[_themes[h].Next(Random.Shared)].Code;
        var body = new { channel = "Kiosk", priority = "Normal", requestId = $"load-{RunTag}-{Interlocked.Increment(ref _sequence)}" };
        return context.Step(StepName, async () =>
            (await HttpCall.SendAsync<TicketSnapshot>(_target.Client, HttpMethod.Post, $"api/halls/{hall.HallId}/themes/{theme}/tickets", body, context.CancellationToken)).Response);
    }
}

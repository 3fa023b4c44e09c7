using System.Diagnostics;
using Queue.Contracts.Snapshots;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Http;

namespace Queue.LoadTests.Scenarios;

/// <summary>
/// "issue-deep-line": <see cref="DeepLineOptions.Clients"/> closed-model clients issue into one theme of one hall, from
/// an empty line (close-day first) until <see cref="DeepLineOptions.Waiting"/> + a sample are waiting; nobody calls.
/// <see cref="LineMilestones"/> times the first sample (empty line) and the sample after the deep mark, so both rates come
/// from one stream with the same clients; the tickets between fill the line and are not counted. The warm-up issues into
/// another theme, so it warms the path without lengthening the measured line. The run stops as soon as the deep sample
/// is complete (<see cref="Finished"/>); Clean closes the hall's day again so no later scenario meets the deep line.
/// </summary>
public sealed class DeepLine
{
    public const string EmptyStep = "issue (empty line)";
    public const string FillStep = "issue (filling, not counted)";
    public const string DeepStep = "issue (deep line)";
    public const string AfterStep = "issue (after the samples, not counted)";
    private static readonly string RunTag = Guid.NewGuid().ToString("N")[..8];
    private readonly ProductTarget _target;
    private readonly DeepLineOptions _options;
    private long _sequence;
    private int _maxAheadEmpty;
    private int _minAheadDeep = int.MaxValue;

    public DeepLine(ProductTarget target, DeepLineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _options = options ?? new DeepLineOptions();
        Milestones = new LineMilestones(_options.Sample, _options.Waiting, offset: _options.Clients);
        var hall = target.Halls[0];
        HallId = hall.HallId;
        Theme = hall.Themes[0].Code;
        WarmUpTheme = hall.Themes.Length > 1 ? hall.Themes[1].Code : Theme;
    }

    public LineMilestones Milestones { get; }

    public DeepLineOptions Options => _options;

    public string HallId { get; }

    public string Theme { get; }

    public string WarmUpTheme { get; }

    /// <summary>Completes once the deep sample is complete; the suite stops the stream there.</summary>
    public Task Finished => Milestones.Done;

    /// <summary>People ahead of the last ticket of the empty sample, and of the first of the deep one, as the product answered.</summary>
    public (int EmptyMax, int? DeepMin) PeopleAhead => (Volatile.Read(ref _maxAheadEmpty), Volatile.Read(ref _minAheadDeep) is var d && d != int.MaxValue ? d : null);

    public Scenario Create(string name) => Scenario.Create(name, IterateAsync)
        .WithLoad(LoadSimulation.KeepConstant(_options.Clients, _options.Limit))
        .WithInit(CloseDayAsync)
        .WithClean(CloseDayAsync)
        .WithWarmUp(_options.WarmUp) with { Drain = TimeSpan.FromSeconds(10) };

    private async Task<Response> IterateAsync(ScenarioContext context)
    {
        var theme = context.IsWarmUp ? WarmUpTheme : Theme;
        var body = new { channel = "Kiosk", priority = "Normal", requestId = $"deep-{RunTag}-{Interlocked.Increment(ref _sequence)}" };
        var start = Stopwatch.GetTimestamp();
        var (response, ticket) = await HttpCall.SendAsync<TicketSnapshot>(_target.Client, HttpMethod.Post, $"api/halls/{HallId}/themes/{theme}/tickets", body, context.CancellationToken);
        var latency = Stopwatch.GetElapsedTime(start);
        var part = context.IsWarmUp || !response.IsOk ? Milestones.Current : Milestones.Issued(Stopwatch.GetElapsedTime(context.RunStart).TotalSeconds);
        if (!context.IsWarmUp && ticket?.PeopleAhead is { } ahead)
        {
            Track(part, ahead);
        }

        context.Record(part switch { LineMilestones.Part.Empty => EmptyStep, LineMilestones.Part.Filling => FillStep, LineMilestones.Part.Deep => DeepStep, _ => AfterStep }, latency, response);
        return response;
    }

    private void Track(LineMilestones.Part part, int ahead)
    {
        if (part == LineMilestones.Part.Empty)
        {
            for (var seen = Volatile.Read(ref _maxAheadEmpty); ahead > seen; seen = Volatile.Read(ref _maxAheadEmpty))
            {
                if (Interlocked.CompareExchange(ref _maxAheadEmpty, ahead, seen) == seen)
                {
                    break;
                }
            }
        }
        else if (part == LineMilestones.Part.Deep)
        {
            for (var seen = Volatile.Read(ref _minAheadDeep); ahead < seen; seen = Volatile.Read(ref _minAheadDeep))
            {
                if (Interlocked.CompareExchange(ref _minAheadDeep, ahead, seen) == seen)
                {
                    break;
                }
            }
        }
    }

    private Task CloseDayAsync(CancellationToken cancellation) =>
        WatchersSetup.Checked(HttpCall.SendAsync(_target.Client, HttpMethod.Post, $"api/halls/{HallId}/close-day", cancellation));
}

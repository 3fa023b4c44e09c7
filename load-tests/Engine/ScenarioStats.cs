using System.Collections.Concurrent;

namespace Queue.LoadTests.Engine;

/// <summary>The live measurements of one run (a warm-up or the measured run) of one scenario.</summary>
public sealed class ScenarioStats(string name)
{
    private readonly ConcurrentDictionary<string, StepStats> _steps = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private int _order;
    private long _inFlight;
    private long _maxInFlight;

    public string Name { get; } = name;

    public StepStats Total { get; } = new("(scenario)", 0);

    public long InFlight => Interlocked.Read(ref _inFlight);

    public long MaxInFlight => Interlocked.Read(ref _maxInFlight);

    public StepStats Step(string step) => _steps.GetOrAdd(step, n => new StepStats(n, Interlocked.Increment(ref _order)));

    public void Note(string note) => _notes.Enqueue(note);

    public void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var seen = MaxInFlight; now > seen; seen = MaxInFlight)
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, seen) == seen)
            {
                break;
            }
        }
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);

    public ScenarioReport Report(string load, TimeSpan duration) => new(
        Name,
        load,
        duration,
        Total.Report(duration),
        [.. _steps.Values.OrderBy(s => s.Order).Select(s => s.Report(duration))],
        MaxInFlight,
        [.. _notes]);
}

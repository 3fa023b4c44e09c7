using System.Diagnostics;
using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Push;

/// <summary>
/// One push awaited by many watchers. Each arrival is recorded as the step <see cref="Step"/>, timed from the
/// iteration's intended start (the moment the triggering request was meant to go out); when the wait ends,
/// every watcher still missing is recorded as a failure "not-delivered", and later arrivals count as late only.
/// </summary>
public sealed class PendingDelivery(ScenarioContext context, int expected, string step)
{
    private const int Closed = int.MinValue / 2;
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _expected = expected;
    private int _remaining = expected;

    public string Step { get; } = step;

    /// <summary>Returns false when the wait was already over (a late or duplicate delivery).</summary>
    public bool Arrived()
    {
        var left = Interlocked.Decrement(ref _remaining);
        if (left < 0)
        {
            return false;
        }

        context.Record(Step, Stopwatch.GetElapsedTime(context.IntendedStart), Response.Ok());
        if (left == 0)
        {
            _all.TrySetResult();
        }

        return true;
    }

    public async Task<Response> WaitAsync(TimeSpan timeout)
    {
        if (_expected > 0)
        {
            await Task.WhenAny(_all.Task, Task.Delay(timeout, context.CancellationToken));
        }

        var missing = Interlocked.Exchange(ref _remaining, Closed);
        if (missing <= 0)
        {
            return Response.Ok();
        }

        var waited = Stopwatch.GetElapsedTime(context.IntendedStart);
        for (var i = 0; i < missing; i++)
        {
            context.Record(Step, waited, Response.Fail("not-delivered"));
        }

        return Response.Fail("not-delivered", $"{missing} of {_expected} watchers got nothing within {timeout.TotalSeconds:0.#} s");
    }
}

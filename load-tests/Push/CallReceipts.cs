using System.Diagnostics;
using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Push;

/// <summary>When (Stopwatch timestamps) the boards and the phone received one call, and how many of each were expected.</summary>
public sealed record CallReceipts(IReadOnlyList<long> Boards, int BoardsExpected, IReadOnlyList<long> Phones, int PhonesExpected)
{
    /// <summary>One row per receipt, timed from the call's intended start, and a "not-delivered" failure per missing one; true when none is missing.</summary>
    public bool RecordTo(ScenarioContext context, string boardStep, string phoneStep)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Record(context, boardStep, Boards, BoardsExpected) & Record(context, phoneStep, Phones, PhonesExpected);
    }

    private static bool Record(ScenarioContext context, string step, IReadOnlyList<long> receipts, int expected)
    {
        foreach (var at in receipts)
        {
            context.Record(step, Stopwatch.GetElapsedTime(context.IntendedStart, at), Response.Ok());
        }

        var waited = Stopwatch.GetElapsedTime(context.IntendedStart);
        for (var i = receipts.Count; i < expected; i++)
        {
            context.Record(step, waited, Response.Fail("not-delivered"));
        }

        return receipts.Count >= expected;
    }
}
